import { describe, expect, it } from 'vitest';
import { rightFields } from '../../../src/shared/data/schemas/rights';
import { dueAdAccessAlerts } from '../../../src/shared/domain/ad-access';
import { guideFromAccess } from '../../../src/shared/documents/whitelisting-guide';
import { addAdAccessDemo } from '../../../src/shared/demo/ad-access';
import { generateDemoWorkspace } from '../../../src/shared/demo/generate';

describe('sample ad access', () => {
  it('puts a Spark code ending in ten days and a requested partnership ad on the sample rights, valid by the schema', () => {
    const today = '2026-12-07';
    const records = addAdAccessDemo(generateDemoWorkspace({ creators: 120, today }), today);
    const rights = (records.rights ?? []).map((r) => ({ id: r.id, ...rightFields.parse(r.input) }));
    const spark = rights.find((r) => r.id === 'demo-ri-2')!;
    expect(spark.whitelisting).toMatchObject({ status: 'granted', platform: 'tiktok', accessExpiresOn: '2026-12-17' });
    expect(guideFromAccess([spark]).sparkDays).toBe(60);
    expect(dueAdAccessAlerts(rights, new Set(), '2026-12-10')).toEqual([expect.objectContaining({ rightId: 'demo-ri-2', threshold: 14, daysLeft: 8 })]);
    expect(rights.find((r) => r.id === 'demo-ri-1')!.whitelisting).toMatchObject({ status: 'requested', platform: 'meta' });
  });
});

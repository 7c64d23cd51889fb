import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { campaignBudget } from '../../../src/shared/domain/campaign-budget';
import { renderTemplate } from '../../../src/shared/domain/merge-fields';
import { negotiationStatus } from '../../../src/shared/domain/offers';
import { outreachValues } from '../../../src/shared/domain/outreach-values';
import { generateDemoWorkspace } from '../../../src/shared/demo/generate';
import { loadDemoRecords } from '../../../src/shared/demo/load';

describe('outreach demo data', () => {
  const store = new WorkspaceStore(new Y.Doc());
  loadDemoRecords(store, generateDemoWorkspace({ creators: 400 }));
  const templates = store.list('documents').filter((d) => d.kind === 'template');
  const spring = store.list('campaigns').find((c) => c.name === 'Spring Glow seeding')!;

  it('has three templates ready for any Spring Glow creator, and a code for some on the shortlist', () => {
    expect(templates.map((t) => t.templateFor).sort()).toEqual(['dm', 'follow-up', 'outreach-email']);
    const engagements = store.list('engagements').filter((e) => e.campaignId === spring.id);
    const codes = store.list('codes');
    const valuesFor = (engagementId: string) => {
      const e = engagements.find((x) => x.id === engagementId)!;
      const creator = store.get('creators', e.creatorId)!;
      return outreachValues({ creator, campaign: spring, engagement: e, products: store.list('products'), codes, senderName: 'Sam', brandName: 'Sample brand' });
    };
    const withCode = engagements.find((e) => codes.some((c) => c.engagementId === e.id))!;
    const without = engagements.find((e) => !codes.some((c) => c.engagementId === e.id))!;
    for (const t of templates) {
      const r = renderTemplate(`${t.subject}\n${t.body}`, valuesFor(withCode.id));
      expect(r.ready, `${t.title}: ${r.missing.join()}`).toBe(true);
    }
    for (const t of templates) expect(renderTemplate(`${t.subject}\n${t.body}`, valuesFor(without.id)).ready, t.title).toBe(true);
    expect(renderTemplate('Your code {{code}}', valuesFor(without.id)).missing).toEqual(['code']);
    const shortlist = engagements.filter((e) => e.stepId === spring.steps[0].id);
    expect(shortlist.some((e) => codes.some((c) => c.engagementId === e.id))).toBe(true);
    expect(shortlist.some((e) => !codes.some((c) => c.engagementId === e.id))).toBe(true);
  });

  it('has negotiations and a budget with something committed', () => {
    const ambassadors = store.list('engagements').filter((e) => e.campaignId !== spring.id);
    const statuses = new Set(ambassadors.map((e) => negotiationStatus(e)));
    expect(statuses).toContain('agreed');
    expect(statuses).toContain('awaiting-brand');
    expect(campaignBudget(spring.budget, store.list('engagements').filter((e) => e.campaignId === spring.id), []).committedMicros).toBeGreaterThan(0);
  });
});

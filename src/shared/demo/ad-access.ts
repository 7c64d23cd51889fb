import type { DemoRecords } from './generate';

const dateAfter = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Sample ad access on the sample's usage rights (run after addReviewDemo):
 * a TikTok Spark code granted for 60 days and ending in ten days, so its
 * reminder and the guide's filled-in values show at once, and a Meta
 * partnership ad asked for and not yet approved.
 */
export function addAdAccessDemo(records: DemoRecords, today: string): DemoRecords {
  const rights = records.rights ?? [];
  const withAccess: Record<string, Record<string, unknown>> = {
    'demo-ri-2': {
      status: 'granted', platform: 'tiktok', sparkCode: '#Ad3mo-SparkCode-7Hq2ZxLm9Pw4Ks8Rt1Vb6Nd3', accessStartsOn: dateAfter(today, -49), accessExpiresOn: dateAfter(today, 10), adAccount: 'Sample brand · TikTok Ads EU',
    },
    'demo-ri-1': { status: 'requested', platform: 'meta', sparkCode: '', accessStartsOn: null, accessExpiresOn: null, adAccount: 'Sample brand (Meta business)' },
  };
  for (const right of rights) {
    const access = withAccess[right.id];
    if (access) (right.input as Record<string, unknown>).whitelisting = access;
  }
  return records;
}

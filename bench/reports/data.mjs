// A synthetic program, deterministic: `posts` live posts by `posts / 5` creators over a year,
// each with two metric snapshots, fees, product value and due dates, as the app stores them.
export function syntheticData(posts) {
  let state = 42;
  const rand = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 4294967296);
  const int = (a, b) => a + Math.floor(rand() * (b - a + 1));
  const platforms = ['instagram', 'tiktok', 'youtube', 'pinterest'];
  const creatorsN = Math.max(1, Math.round(posts / 5));
  const usd = (n) => ({ amountMicros: Math.round(n * 1e6), currency: 'USD' });
  const campaigns = [
    { id: 'c1', name: 'Always-on ambassadors', kind: 'program', budget: usd(2_000_000), ownerId: null, startsOn: '2025-11-01', endsOn: null,
      kpiTargets: [{ kpi: 'posts', target: posts }, { kpi: 'revenue', target: 5_000_000 }], buckets: [{ id: 'b1', name: 'Core' }, { id: 'b2', name: 'Rising' }] },
  ];
  const creators = [];
  const engagements = [];
  for (let i = 0; i < creatorsN; i++) {
    const platform = platforms[i % platforms.length];
    creators.push({ id: `cr${i}`, name: `Creator ${i}`, accounts: [{ platform, handle: `creator${i}`, followers: int(1_000, 2_000_000) }] });
    engagements.push({ id: `en${i}`, campaignId: 'c1', creatorId: `cr${i}`, bucketId: i % 3 ? 'b1' : 'b2', ownerId: null, declinedAt: null,
      terms: { fee: usd(int(0, 40) * 50), bonus: null, productValue: usd(67), deliverables: [{ id: 'd1', platform, dueOn: `2026-${String(int(1, 10)).padStart(2, '0')}-15`, quantity: 1 }] } });
  }
  const content = [];
  for (let i = 0; i < posts; i++) {
    const c = i % creatorsN;
    const day = int(0, 364);
    const postedAt = new Date(Date.UTC(2025, 10, 1) + day * 86_400_000 + int(0, 86_399) * 1000).toISOString();
    const reach = int(500, 400_000);
    const snapshot = (f, at) => ({ at, views: Math.round(reach * 1.6 * f), reach: Math.round(reach * f), impressions: Math.round(reach * 1.3 * f),
      likes: Math.round(reach * 0.04 * f), comments: Math.round(reach * 0.004 * f), shares: Math.round(reach * 0.002 * f), saves: Math.round(reach * 0.003 * f),
      clicks: Math.round(reach * 0.01 * f), orders: rand() < 0.5 ? int(0, 30) : null, revenue: rand() < 0.5 ? usd(int(0, 3000)) : null });
    content.push({ id: `po${i}`, kind: 'post', creatorId: `cr${c}`, campaignId: 'c1', engagementId: `en${c}`, deliverableId: i < creatorsN ? 'd1' : null,
      round: 1, url: `https://www.instagram.com/p/${i}`, platform: creators[c].accounts[0].platform, format: 'reel', postedAt, assetIds: [], review: null,
      metrics: [snapshot(0.6, postedAt), snapshot(1, new Date(Date.parse(postedAt) + 7 * 86_400_000).toISOString())] });
  }
  return { campaigns, engagements, creators, content, shipments: [], products: [] };
}

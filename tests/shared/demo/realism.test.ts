import { describe, expect, it } from 'vitest';
import { generateDemoWorkspace } from '../../../src/shared/demo/generate';
import { addDays } from '../../../src/shared/domain/dates';
import { findLikelyDuplicates } from '../../../src/shared/domain/duplicates';
import { replyRates, type SendRecord } from '../../../src/shared/domain/follow-ups';

/** What each platform publishes (PLATFORM-SPECS.md and the platforms' own names): no "X reel", no "Pinterest reel". */
const fits: Record<string, string[]> = {
  instagram: ['reel', 'post', 'story'], tiktok: ['video'], youtube: ['short', 'video'], pinterest: ['pin'],
  twitch: ['clip', 'live'], x: ['tweet'], blog: ['post'], linkedin: ['post'], snapchat: ['spotlight'],
};

describe('the Sample brand reads like a real brand’s data', () => {
  const records = generateDemoWorkspace({ creators: 400 });
  const creators = new Map(records.creators!.map((c) => [c.id, c.input]));

  it('gives every post and deliverable a format its platform has', () => {
    const seen: string[] = [];
    for (const c of records.content ?? []) if (c.input.platform) seen.push(`${c.input.platform}/${c.input.format}`);
    for (const e of records.engagements ?? []) for (const d of e.input.terms?.deliverables ?? []) seen.push(`${d.platform}/${d.format}`);
    for (const e of records.engagements ?? []) for (const o of e.input.offers ?? []) for (const d of o.terms.deliverables ?? []) seen.push(`${d.platform}/${d.format}`);
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.filter((s) => { const [platform, format] = s.split('/'); return !fits[platform]?.includes(format); })).toEqual([]);
  });

  it('ships each campaign only products from its own catalogue list', () => {
    const productsOf = new Map(records.campaigns!.map((c) => [c.id, c.input.productIds ?? []]));
    expect(productsOf.get('demo-ca-spring')).toEqual(['demo-pr-serum', 'demo-pr-spf']);
    expect(productsOf.get('demo-ca-ambassadors')).toEqual(['demo-pr-shoe', 'demo-pr-tee']);
    const shipped = (records.shipments ?? []).flatMap((s) => s.input.items!.map((i) => [s.input.campaignId!, i.productId] as const));
    expect(shipped.length).toBeGreaterThan(5);
    expect(shipped.filter(([campaign, product]) => !productsOf.get(campaign)?.includes(product))).toEqual([]);
    const asked = (records.engagements ?? []).flatMap((e) => e.input.optIn?.productPreferences ?? []);
    expect(asked.filter((p) => /runner|shoe/i.test(p))).toEqual([]);
  });

  it('has a few deliberate duplicates for the finder, not dozens of accidental same-name pairs', () => {
    const found = findLikelyDuplicates(records.creators!.map((c) => ({ id: c.id, name: c.input.name, accounts: c.input.accounts, emails: c.input.emails })));
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.length).toBeLessThanOrEqual(5);
    expect(found.every((d) => d.kind === 'name')).toBe(true);
  });

  it('has believable reply rates: most creators do not answer a first message', () => {
    const sends = records.activities!.map((a) => ({ ...a.input, data: a.input.data ?? {} })) as unknown as SendRecord[];
    const replies = new Map(records.engagements!.map((e) => [e.id, e.input.repliedAt ?? null]));
    const rates = [...replyRates(sends, replies).values()];
    expect(rates).toHaveLength(3);
    for (const r of rates) {
      expect(r.contacted, r.templateId).toBeGreaterThanOrEqual(20);
      expect(r.rate!, r.templateId).toBeGreaterThan(0.15);
      expect(r.rate!, r.templateId).toBeLessThan(0.6);
    }
  });

  it('pays fees that fit the creator’s size', () => {
    const fees = records.engagements!.flatMap((e) => {
      const followers = creators.get(e.input.creatorId)?.accounts?.[0]?.followers ?? 0;
      const fee = e.input.terms?.fee ?? e.input.offers?.[0]?.terms.fee;
      return fee ? [{ followers, dollars: fee.amountMicros / 1e6 }] : [];
    });
    expect(fees.length).toBeGreaterThan(5);
    for (const { followers, dollars } of fees) {
      expect(dollars, `${followers} followers`).toBeGreaterThanOrEqual(50);
      // No more than $20 per thousand followers, except the $100 floor a nano creator still asks.
      if (dollars > 150) expect(dollars / (followers / 1000), `${followers} followers`).toBeLessThanOrEqual(20);
    }
  });

  it('issues codes the way the code generator does: a name and the discount, never a digit glued before it', () => {
    const codes = records.codes!.map((c) => c.input.code!);
    expect(new Set(codes).size).toBe(codes.length);
    const spring = records.codes!.filter((c) => c.input.campaignId === 'demo-ca-spring').map((c) => c.input.code!);
    expect(spring.length).toBeGreaterThan(10);
    expect(spring.filter((c) => !/^[A-Z]+15$/.test(c))).toEqual([]);
  });

  it('is dated from the day it is loaded: campaigns running, posts from the last week, two deliverables running late', () => {
    for (const today of ['2026-12-07', '2027-06-30']) {
      const sample = generateDemoWorkspace({ creators: 400, today });
      const spring = sample.campaigns!.find((c) => c.id === 'demo-ca-spring')!.input;
      expect(spring.startsOn! <= today && today <= spring.endsOn!).toBe(true);
      const latest = (sample.content ?? []).filter((c) => c.input.kind === 'post' && c.input.postedAt).map((c) => c.input.postedAt!.slice(0, 10)).sort().at(-1)!;
      expect(latest < today && latest >= addDays(today, -7)).toBe(true);
      const posted = new Set((sample.content ?? []).filter((c) => c.input.kind === 'post').map((c) => c.input.engagementId));
      const late = (sample.engagements ?? []).flatMap((e) => (e.input.terms?.deliverables ?? []).filter((d) => d.dueOn && d.dueOn < today && !posted.has(e.id)).map((d) => d.dueOn));
      expect(late.sort()).toEqual(expect.arrayContaining([addDays(today, -5), addDays(today, -2)]));
    }
  });
});

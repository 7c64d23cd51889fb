import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseCsv } from '../../../../src/shared/import/csv';
import { codeRuleData, readCodeRule, type CodeRule } from '../../../../src/shared/domain/code-rules';
import { checkCustomCode, codeFor, codeLineage, foldForCode, generateCodes } from '../../../../src/shared/domain/code-generation';
import { buildTrackedLink, conventionUtm, readUtm, utmValue } from '../../../../src/shared/domain/utm';
import { codeLimits, describeLimits, exportDiscountCodes, shopifyDiscountHeaders } from '../../../../src/shared/domain/discount-csv';
import { AttributionFileError, parseMoneyMicros, planAttributionImport } from '../../../../src/shared/import/attribution-import';

const rule = (over: Partial<CodeRule> = {}): CodeRule => codeRuleData.parse({ pattern: '{FIRSTNAME}{DISCOUNT}', discountValue: 15, ...over });
const ctx = { campaign: 'Spring Glow', year: 2026 };
const gen = (r: CodeRule, creators: { id: string; name: string; handle: string }[], workspaceCodes: string[] = [], storeCodes: string[] = []) =>
  generateCodes({ rule: r, creators, workspaceCodes, storeCodes, ...ctx });

describe('code rules', () => {
  it('accepts the known parts and refuses unknown ones, missing personal parts, open braces and percentages over 100', () => {
    expect(codeRuleData.safeParse({ pattern: '{HANDLE}{DISCOUNT}' }).success).toBe(true);
    const unknown = codeRuleData.safeParse({ pattern: '{HANDEL}{DISCOUNT}' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0].message).toMatch(/Unknown part \{HANDEL\}/);
    expect(codeRuleData.safeParse({ pattern: 'SPRING{DISCOUNT}' }).error?.issues[0].message).toMatch(/Include \{HANDLE\}/);
    expect(codeRuleData.safeParse({ pattern: '{HANDLE}{DISCOUNT' }).success).toBe(false);
    expect(codeRuleData.safeParse({ discountType: 'percent', discountValue: 150 }).error?.issues[0].message).toMatch(/over 100/);
    expect(codeRuleData.safeParse({ maxLength: 3 }).success).toBe(false);
  });

  it('reads a saved rule leniently: a bad field falls back to its default, the rest is kept', () => {
    expect(readCodeRule({ pattern: '{HANDLE}-{DISCOUNT}', maxLength: 'twelve' })).toMatchObject({ pattern: '{HANDLE}-{DISCOUNT}', maxLength: 20 });
  });
});

describe('making codes', () => {
  it('folds unicode names and handles into plain letters', () => {
    expect(foldForCode('Zoë')).toBe('Zoe');
    expect(foldForCode('Łukasz Żółć')).toBe('LukaszZolc');
    expect(foldForCode('Søren Straße')).toBe('SorenStrasse');
    expect(foldForCode('zoe.makes_✨')).toBe('zoemakes');
    expect(codeFor(rule(), { id: '1', name: 'Zoë Åberg', handle: '' }, ctx)).toEqual({ code: 'ZOE15' });
    expect(codeFor(rule({ pattern: '{HANDLE}{DISCOUNT}' }), { id: '1', name: 'Zoë', handle: '@zoë.makes' }, ctx)).toEqual({ code: 'ZOEMAKES15' });
    expect(codeFor(rule({ letterCase: 'lower' }), { id: '1', name: 'Zoë', handle: '' }, ctx)).toEqual({ code: 'zoe15' });
  });

  it('keeps literal text, dashes only when allowed, and the other parts of the pattern', () => {
    const dash = rule({ pattern: '{HANDLE}-{DISCOUNT}', allowed: 'letters-digits-dash' });
    expect(codeFor(dash, { id: '1', name: 'Ana', handle: 'ana' }, ctx)).toEqual({ code: 'ANA-15' });
    expect(codeFor(rule({ pattern: '{HANDLE}-{DISCOUNT}' }), { id: '1', name: 'Ana', handle: 'ana' }, ctx)).toEqual({ code: 'ANA15' });
    expect(codeFor(rule({ pattern: '{CAMPAIGN}{FIRSTNAME}{YEAR}', maxLength: 30 }), { id: '1', name: 'Ana', handle: '' }, ctx)).toEqual({ code: 'SPRINGGLOWANA2026' });
    expect(codeFor(rule({ pattern: '{FIRSTNAME}{LASTNAME}{DISCOUNT}' }), { id: '1', name: 'Ana Lima', handle: '' }, ctx)).toEqual({ code: 'ANALIMA15' });
    expect(codeFor(rule({ discountValue: 12.5 }), { id: '1', name: 'Ana', handle: '' }, ctx)).toEqual({ code: 'ANA125' });
  });

  it('shortens only the personal part to the maximum length, never the discount', () => {
    const r = rule({ pattern: '{HANDLE}{DISCOUNT}', maxLength: 10 });
    expect(codeFor(r, { id: '1', name: 'X', handle: 'maximilianthegreat' }, ctx)).toEqual({ code: 'MAXIMILI15' });
    const tight = rule({ pattern: 'SPRINGSALE{HANDLE}{DISCOUNT}', maxLength: 12 });
    expect(codeFor(tight, { id: '1', name: 'X', handle: 'ana' }, ctx)).toEqual({ problem: expect.stringMatching(/no room/) });
    expect(codeFor(rule({ pattern: '{HANDLE}{DISCOUNT}' }), { id: '1', name: '✨✨', handle: '✨' }, ctx)).toEqual({ problem: expect.stringMatching(/no handle or name/) });
  });

  it('gives two Pauls different codes, and avoids workspace and store codes case-insensitively, offering alternatives', () => {
    const pauls = [{ id: 'a', name: 'Paul Smith', handle: '' }, { id: 'b', name: 'Paul Jones', handle: 'pj' }];
    const out = gen(rule(), pauls);
    expect(out.map((g) => [g.code, g.clash])).toEqual([['PAUL15', null], ['PAULJ15', 'selection']]);
    expect(out[1].wanted).toBe('PAUL15');
    expect(out[1].alternatives).toEqual(['PAULJONES15', 'PJP15', 'PAULX15']);

    const store = gen(rule(), [pauls[0]], [], ['paul15 ']);
    expect(store[0]).toMatchObject({ code: 'PAULS15', clash: 'store' });
    const workspace = gen(rule(), [pauls[0]], ['Paul15', 'PAULS15']);
    expect(workspace[0]).toMatchObject({ code: 'PAULSMITH15', clash: 'workspace' });
  });

  it('never puts a digit right before the discount, and says so when everything is taken', () => {
    const r = rule({ maxLength: 5 });
    const taken = ['ANA15', 'ANX15', 'ANY15', 'ANZ15', 'ANB15', 'ANC15'];
    const out = gen(r, [{ id: 'a', name: 'Ana', handle: '' }], taken);
    expect(out[0].code).toBe('');
    expect(out[0].problem).toMatch(/every alternative are taken/);
    const digits = gen(rule({ pattern: '{DISCOUNT}{FIRSTNAME}' }), [{ id: 'a', name: 'Ana', handle: '' }], ['15ANA', '15ANAX', '15ANAY', '15ANAZ', '15ANAA', '15ANAB', '15ANAC']);
    expect(digits[0].code).toBe('15ANA2');
  });

  it('checks a code typed by hand against the rule and the taken codes', () => {
    const taken = new Set(['PAUL15']);
    expect(checkCustomCode('paul15', rule(), taken)).toMatch(/already taken/);
    expect(checkCustomCode('PAUL-15', rule(), taken)).toMatch(/“-” is not allowed/);
    expect(checkCustomCode('A'.repeat(21), rule(), taken)).toMatch(/20 characters/);
    expect(checkCustomCode('PAULA15', rule(), taken)).toBeNull();
  });

  it('keeps the history of a reissued code, newest first, and survives a loop', () => {
    const codes = [
      { id: '1', code: 'PAUL15', status: 'revoked' as const, replacesId: null },
      { id: '2', code: 'PAULS15', status: 'revoked' as const, replacesId: '1' },
      { id: '3', code: 'PAULX15', status: 'active' as const, replacesId: '2' },
      { id: 'x', code: 'LOOP', status: 'active' as const, replacesId: 'y' },
      { id: 'y', code: 'LOOP2', status: 'active' as const, replacesId: 'x' },
    ];
    expect(codeLineage(codes, '3').map((c) => c.code)).toEqual(['PAULX15', 'PAULS15', 'PAUL15']);
    expect(codeLineage(codes, 'x').map((c) => c.code)).toEqual(['LOOP', 'LOOP2']);
  });
});

describe('UTM links', () => {
  it('turns any text into a lowercase hyphenated value', () => {
    expect(utmValue('Spring Glow 2026!')).toBe('spring-glow-2026');
    expect(utmValue('  Zoë_Makes  ')).toBe('zoe_makes');
    expect(utmValue('Ads / Paid & Social')).toBe('ads-paid-social');
    expect(utmValue('Łódź')).toBe('lodz');
    expect(utmValue('---')).toBe('');
  });

  it('builds a link that keeps other parameters and the fragment', () => {
    const built = buildTrackedLink('https://brand.com/serum?ref=abc#reviews', { source: 'instagram', medium: 'influencer', campaign: 'spring-glow', content: 'zoe' });
    expect(built.problems).toEqual([]);
    expect(built.url).toBe('https://brand.com/serum?ref=abc&utm_source=instagram&utm_medium=influencer&utm_campaign=spring-glow&utm_content=zoe#reviews');
    expect(readUtm(built.url!)).toEqual({ source: 'instagram', medium: 'influencer', campaign: 'spring-glow', content: 'zoe' });
  });

  it('refuses bad links with a reason and a fix for each part', () => {
    const built = buildTrackedLink('brand.com/serum', { source: 'Instagram', medium: '', campaign: 'Spring Glow' });
    expect(built.url).toBeNull();
    expect(built.problems).toEqual([
      { field: 'baseUrl', message: 'Start the address with https://', fix: 'https://brand.com/serum' },
      { field: 'source', message: 'Use lowercase words joined by hyphens', fix: 'instagram' },
      { field: 'medium', message: 'utm_medium is needed' },
      { field: 'campaign', message: 'Use lowercase words joined by hyphens', fix: 'spring-glow' },
    ]);
    expect(buildTrackedLink('ftp://brand.com', { source: 'a', medium: 'b', campaign: 'c' }).problems[0].message).toMatch(/Only web pages/);
    expect(buildTrackedLink('https://brand', { source: 'a', medium: 'b', campaign: 'c' }).problems[0].message).toMatch(/not a full domain/);
    expect(buildTrackedLink('https://brand.com/a b', { source: 'a', medium: 'b', campaign: 'c' }).problems[0].message).toMatch(/no spaces/);
    const already = buildTrackedLink('https://brand.com/?utm_source=old', { source: 'new', medium: 'b', campaign: 'c' });
    expect(already.problems[0]).toMatchObject({ field: 'baseUrl', fix: 'https://brand.com/' });
  });

  it('fills the team convention from a platform, campaign and handle', () => {
    expect(conventionUtm({ platform: 'TikTok', campaign: 'Run Club Ambassadors', handle: '@Zoë.Runs' })).toEqual({ source: 'tiktok', medium: 'influencer', campaign: 'run-club-ambassadors', content: 'zoe.runs', term: '' });
  });
});

describe('the Shopify discount file', () => {
  it('writes Matrixify’s Discounts layout, skipping revoked, expired and discount-less codes', () => {
    const base = { creatorName: 'Zoë, "the" maker', campaignName: 'Spring Glow', discount: { type: 'percent' as const, value: 15 }, expiresOn: '2026-12-31', usageLimit: 100, onePerCustomer: true, status: 'active' as const, createdAt: '2026-11-01T10:00:00.000Z' };
    const out = exportDiscountCodes([
      { ...base, code: 'ZOE15' },
      { ...base, code: 'FIX10', discount: { type: 'fixed', value: 10 }, expiresOn: null, usageLimit: null },
      { ...base, code: 'LEAK15', status: 'revoked' },
      { ...base, code: 'OLD15', expiresOn: '2026-01-01' },
      { ...base, code: 'NONE', discount: null },
    ], '2026-11-01');
    expect(out.fileName).toMatch(/discounts/i);
    const parsed = Papa.parse<Record<string, string>>(out.csv.trim(), { header: true });
    expect(parsed.meta.fields).toEqual([...shopifyDiscountHeaders]);
    expect(parsed.data).toEqual([
      { Title: 'Spring Glow – Zoë, "the" maker', Command: 'NEW', Code: 'ZOE15', Method: 'Code', Type: 'Amount off Order', 'Value Type': 'Percentage', Value: '15', 'Starts At': '2026-11-01T10:00:00.000Z', 'Ends At': '2026-12-31T23:59:59Z', 'Limit Total Times': '100', 'Limit One Use Per Customer': 'TRUE' },
      { Title: 'Spring Glow – Zoë, "the" maker', Command: 'NEW', Code: 'FIX10', Method: 'Code', Type: 'Amount off Order', 'Value Type': 'Fixed Amount', Value: '10.00', 'Starts At': '2026-11-01T10:00:00.000Z', 'Ends At': '', 'Limit Total Times': '', 'Limit One Use Per Customer': 'TRUE' },
    ]);
    expect(out.skipped.map((s) => s.code)).toEqual(['LEAK15', 'OLD15', 'NONE']);
  });

  it('shows the limits the export writes: one answer for the table and the file', () => {
    const rules = [{ id: 'r-open', rule: { onePerCustomer: false } }];
    const legacy = { expiresOn: null, usageLimit: null, onePerCustomer: null, ruleId: null };
    // A code issued before codes kept the setting, with no rule: the export always wrote once per customer.
    expect(codeLimits(legacy, rules)).toEqual({ expiresOn: null, usageLimit: null, onePerCustomer: true });
    expect(describeLimits(codeLimits(legacy, rules))).toBe('once per customer');
    expect(codeLimits({ ...legacy, ruleId: 'r-open' }, rules).onePerCustomer).toBe(false);
    expect(describeLimits(codeLimits({ ...legacy, ruleId: 'r-open' }, rules))).toBe('No limits');
    // What the code itself says wins over a rule edited later.
    const own = { expiresOn: '2026-12-31', usageLimit: 1, onePerCustomer: true, ruleId: 'r-open' };
    expect(describeLimits(codeLimits(own, rules), { year: 'always', locale: 'en-GB' })).toBe('until 31 Dec 2026 · 1 use in all · once per customer');
    const row = { code: 'ZOE15', creatorName: 'Zoë', campaignName: '', discount: { type: 'percent' as const, value: 15 }, status: 'active' as const, createdAt: '2026-11-01T10:00:00.000Z' };
    const csv = (limits: ReturnType<typeof codeLimits>) => Papa.parse<Record<string, string>>(exportDiscountCodes([{ ...row, ...limits }], '2026-11-01').csv.trim(), { header: true }).data[0];
    expect(csv(codeLimits(legacy, rules))).toMatchObject({ 'Limit Total Times': '', 'Limit One Use Per Customer': 'TRUE' });
    expect(csv(codeLimits({ ...legacy, ruleId: 'r-open' }, rules))).toMatchObject({ 'Limit One Use Per Customer': 'FALSE' });
  });
});

describe('attribution from the shop', () => {
  const codes = [{ id: 'z', code: 'ZOE15', creatorName: 'Zoë' }, { id: 'p', code: 'PAUL15', creatorName: 'Paul' }];
  const csv = (text: string) => parseCsv(new TextEncoder().encode(text));

  it('reads money as shops write it', () => {
    expect(parseMoneyMicros('$1,234.50')).toBe(1_234_500_000);
    expect(parseMoneyMicros('1.234,50 €')).toBe(1_234_500_000);
    expect(parseMoneyMicros('12,5')).toBe(12_500_000);
    expect(parseMoneyMicros('abc')).toBeNull();
    expect(parseMoneyMicros(19.99)).toBe(19_990_000);
    expect(parseMoneyMicros('-5')).toBeNull();
    expect(parseMoneyMicros('1.2345')).toBeNull();
  });

  it('sums a per-code report and lists unknown codes and bad rows', () => {
    const plan = planAttributionImport(csv('\uFEFFDiscount code,Orders,Total sales\nzoe15,12,"$1,200.00"\nPAUL15,3,300\nGHOST,1,10\nPAUL15,two,5\nZOE15,1,oops\n'), codes, 'USD');
    expect(plan.shape).toBe('per-code');
    expect(plan.totals.map((t) => [t.code, t.orders, t.revenueMicros])).toEqual([['ZOE15', 12, 1_200_000_000], ['PAUL15', 3, 300_000_000]]);
    expect(plan.unknownCodes).toEqual([{ code: 'GHOST', rows: [4] }]);
    expect(plan.bad.map((b) => b.row)).toEqual([5, 6]);
    // The same reader, and the same words, as every number field in the app.
    expect(plan.bad.map((b) => b.reason)).toEqual(['Orders: “two” is not a number orders can be read from.', 'Total sales: “oops” is not a number revenue can be read from.']);
  });

  it('counts each order once in a Shopify orders export with line-item rows and several codes', () => {
    const plan = planAttributionImport(csv('Name,Discount Code,Total,Currency\n#1001,ZOE15,50.00,EUR\n#1001,ZOE15,50.00,EUR\n#1002,"ZOE15, PAUL15",80.00,EUR\n#1003,,20.00,EUR\n'), codes, 'USD');
    expect(plan.shape).toBe('per-order');
    expect(plan.currency).toBe('EUR');
    expect(plan.totals.map((t) => [t.code, t.orders, t.revenueMicros])).toEqual([['ZOE15', 2, 130_000_000], ['PAUL15', 1, 80_000_000]]);
    expect(() => planAttributionImport(csv('Name,Discount Code,Total,Currency\n#1,ZOE15,1,EUR\n#2,ZOE15,1,USD\n'), codes, 'USD')).toThrow(/mixes currencies/);
    expect(() => planAttributionImport(csv('Name,Total\n#1,1\n'), codes, 'USD')).toThrow(AttributionFileError);
  });
});

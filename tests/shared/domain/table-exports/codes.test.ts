import { describe, expect, it } from 'vitest';
import { codeRuleData } from '../../../../src/shared/domain/code-rules';
import { moneyFrom } from '../../../../src/shared/domain/fields';
import { buildCodeRulesTable, buildCodesTable, buildLinksTable, type ExportCode } from '../../../../src/shared/domain/table-exports/codes';
import { toCsv } from '../../../../src/shared/domain/table-export';

const code = (over: Partial<ExportCode>): ExportCode => ({
  code: 'ZOEMAKES15', status: 'active', creatorName: 'Zoë', campaignName: 'Glow', gives: '15% off', discount: { type: 'percent', value: 15 },
  expiresOn: '2026-12-31', usageLimit: null, onePerCustomer: true, orders: 12, revenue: moneyFrom(480.25, 'USD'), replaces: '', revokedReason: '', ...over,
});

describe('the codes exports', () => {
  it('discount codes: the discount as a percent fraction or an amount, orders and revenue as numbers', () => {
    const table = buildCodesTable([code({}), code({ code: 'BEN10', status: 'revoked', discount: { type: 'fixed', value: 10 }, gives: '$10.00 off', orders: null, revenue: null, revokedReason: '+leaked on a coupon site' })], 'USD');
    const at = (r: number, h: string) => table.rows[r][table.headers.indexOf(h)];
    expect(at(0, 'Percent off')).toBe(0.15);
    expect(table.kinds[table.headers.indexOf('Percent off')]).toBe('percent');
    expect(at(0, 'Amount off (USD)')).toBeNull();
    expect(at(1, 'Amount off (USD)')).toBe(10);
    expect(at(0, 'Orders')).toBe(12);
    expect(at(0, 'Revenue')).toBe(480.25);
    expect(at(1, 'Orders')).toBeNull();
    expect(at(1, 'Status')).toBe('Revoked');
    const csv = toCsv(table);
    expect(csv).toContain(",'+leaked on a coupon site");
    expect(csv.split('\r\n')[1]).toBe('ZOEMAKES15,Active,Zoë,Glow,15% off,15%,,2026-12-31,,Yes,12,480.25,USD,,');
    // The same limit the Shopify file writes, never left out of the table.
    expect(at(1, 'Once per customer')).toBe('Yes');
    expect(at(0, 'Once per customer')).toBe(at(1, 'Once per customer'));
  });

  it('code rules: pattern, limits and what the codes give', () => {
    const rule = codeRuleData.parse({ pattern: '{HANDLE}{DISCOUNT}', discountValue: 20, usageLimit: 100, tier: 'Micro' });
    const table = buildCodeRulesTable([{ name: 'Ambassadors', campaignName: 'Run Club', rule }]);
    expect(table.rows[0]).toEqual(['Ambassadors', 'Run Club', 'Micro', '{HANDLE}{DISCOUNT}', 20, 'UPPER', '20% off', null, 100, 'Yes']);
  });

  it('links: the full tracked link and each UTM part', () => {
    const table = buildLinksTable([{ creatorName: 'Zoë', campaignName: 'Glow', link: { baseUrl: 'https://brand.com/serum', utm: { source: 'instagram', medium: 'influencer', campaign: 'glow', content: 'zoe', term: '' } } }]);
    expect(table.headers[2]).toBe('Tracked link');
    expect(table.rows[0][2]).toContain('utm_source=instagram');
    expect(table.rows[0].slice(4)).toEqual(['instagram', 'influencer', 'glow', 'zoe', '']);
  });
});

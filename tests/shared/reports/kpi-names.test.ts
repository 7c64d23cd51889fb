import { describe, expect, it } from 'vitest';
import { kpiName, kpiTargetValue } from '../../../src/shared/reports/kpi-names';

describe('KPI names', () => {
  it('names typed KPIs in words and keeps unknown ones, capitalised', () => {
    expect(kpiName('reach')).toBe('Reach');
    expect(kpiName('cpm')).toBe('Cost per thousand impressions');
    expect(kpiName('engagement rate')).toBe('Engagement rate');
    expect(kpiName('saves per post')).toBe('Saves per post');
    expect(kpiName('  ')).toBe('Unnamed KPI');
  });

  it('reads targets in their unit', () => {
    expect(kpiTargetValue('engagement rate', 4)).toEqual({ value: 0.04, format: 'percent' });
    expect(kpiTargetValue('ctr', 0.02)).toEqual({ value: 0.02, format: 'percent' });
    expect(kpiTargetValue('revenue', 5000)).toEqual({ value: 5000, format: 'money' });
    expect(kpiTargetValue('saves per post', 30)).toEqual({ value: 30, format: 'count' });
  });
});

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { barChartPng, barChartSvg, niceMax } from '../../../../src/main/services/exports/chart-image';

describe('workbook charts', () => {
  it('tops the axis at a round number above the largest bar', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(31)).toBe(50);
    expect(niceMax(2_500_000)).toBe(5_000_000);
    expect(niceMax(100)).toBe(100);
  });

  it('draws bars for figures, none for missing ones, and escapes labels', () => {
    const svg = barChartSvg({ title: 'Reach <by> platform & tier', labels: ['A&B', 'C'], series: [{ name: 'Reach', color: '#be4bdb', values: [10, null] }] });
    expect(svg).toContain('Reach &lt;by&gt; platform &amp; tier');
    expect(svg).toContain('A&amp;B');
    expect(svg.match(/fill="#be4bdb" rx="2"/g)).toHaveLength(2); // one bar and the legend swatch
  });

  it('renders to a PNG sharp can read back at twice the size', async () => {
    const png = await barChartPng({ title: 'Posts', labels: ['W01', 'W02'], series: [{ name: 'Posts', color: '#4c6ef5', values: [3, 5] }], width: 400, height: 200 });
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([800, 400]);
  });
});

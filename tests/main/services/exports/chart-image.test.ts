import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { barChartPng, barChartSvg } from '../../../../src/main/services/exports/chart-image';

describe('workbook charts', () => {
  it('tops the axis at a round number at or above the largest bar, with round steps', () => {
    const axis = (values: number[]) => [...barChartSvg({ title: 'T', labels: values.map(String), series: [{ name: 'S', color: '#000', values }] })
      .matchAll(/text-anchor="end"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(axis([0])).toEqual(['0', '0.3', '0.5', '0.8', '1']);
    expect(axis([7])).toEqual(['0', '2', '4', '6', '8']);
    expect(axis([31])).toEqual(['0', '10', '20', '30', '40']);
    expect(axis([2_500_000])).toEqual(['0', '1M', '2M', '3M']);
    expect(axis([100])).toEqual(['0', '25', '50', '75', '100']);
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

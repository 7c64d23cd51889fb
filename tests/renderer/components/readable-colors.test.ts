import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, readableOn } from '../../../src/renderer/src/app/readable-colors';
import { cssVariablesResolver, theme } from '../../../src/renderer/src/app/theme';

const full = mergeMantineTheme(DEFAULT_THEME, theme);
const vars = cssVariablesResolver(full);
const white = '#ffffff';
const darkBody = full.colors.dark[7];

describe('contrast', () => {
  it('measures as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ec4a8e', '#ffffff')).toBeCloseTo(3.54, 2);
    expect(contrast('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
  });
});

describe('readableOn', () => {
  it('keeps a colour that already reads and deepens one that does not', () => {
    expect(readableOn('#000000', [white], 'darker')).toBe('#000000');
    const orange = readableOn(full.colors.orange[6], [white], 'darker');
    expect(orange).not.toBe(full.colors.orange[6]);
    expect(contrast(orange, white)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(readableOn(full.colors.dark[2], [darkBody], 'lighter'), darkBody)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the Fanfare theme', () => {
  it('writes dimmed, error, link and every colour’s text at 4.5:1 or more on white and on the dark body', () => {
    const texts = Object.entries(vars.light).filter(([k]) => /-(text|outline|dimmed|error|anchor|placeholder)$/.test(k));
    expect(texts.length).toBeGreaterThan(30);
    for (const [name, value] of texts) expect([name, contrast(value, white) >= 4.5]).toEqual([name, true]);
    const darkTexts = Object.entries(vars.dark).filter(([k]) => /-(text|outline|dimmed|error|anchor|placeholder)$/.test(k));
    for (const [name, value] of darkTexts) expect([name, contrast(value, darkBody) >= 4.5]).toEqual([name, true]);
  });

  it('gives light badges text that reads on their tint', () => {
    for (const name of ['orange', 'teal', 'yellow', 'fanfare', 'green', 'blue']) {
      expect([name, contrast(vars.light[`--mantine-color-${name}-light-color`], full.colors[name][1]) >= 4.5]).toEqual([name, true]);
    }
  });

  it('fills primary buttons in a pink that white text reads on, and keeps the brand pink in the palette', () => {
    const shade = typeof full.primaryShade === 'object' ? full.primaryShade : { light: full.primaryShade, dark: full.primaryShade };
    for (const scheme of ['light', 'dark'] as const) expect(contrast(full.colors.fanfare[shade[scheme]], white)).toBeGreaterThanOrEqual(4.5);
    expect(full.colors.fanfare[6]).toBe('#ec4a8e');
  });

  it('fills buttons and badges of every colour in a shade white text reads on', () => {
    const fills = Object.entries(vars.light).filter(([k]) => /-filled$/.test(k));
    expect(fills.length).toBeGreaterThan(10);
    for (const [name, value] of fills) expect([name, contrast(value, white) >= 4.5]).toEqual([name, true]);
  });

  it('draws focus rings at 3:1 or more against the page in both themes', () => {
    expect(contrast(vars.light['--fanfare-focus-ring'], white)).toBeGreaterThanOrEqual(3);
    expect(contrast(vars.dark['--fanfare-focus-ring'], darkBody)).toBeGreaterThanOrEqual(3);
  });

  it('names every dialog’s close button', () => {
    expect((full.components.Modal.defaultProps as { closeButtonProps: Record<string, string> }).closeButtonProps['aria-label']).toBe('Close');
  });
});

import { Modal, createTheme, darken, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { readableOn } from './readable-colors';

// Shade 6 is the brand pink (#ec4a8e) for large marks and tints; from 7 on, deep enough for white
// text on a filled button and for pink link text on white (5.1:1), which #ec4a8e is not (3.5:1).
const fanfare: MantineColorsTuple = [
  '#fff0f6', '#ffdeeb', '#fbb9d3', '#f692ba', '#f06ea3', '#ed5795', '#ec4a8e', '#c6336f', '#b02b64', '#9a2058',
];

export const theme = createTheme({
  primaryColor: 'fanfare',
  primaryShade: { light: 7, dark: 7 },
  colors: { fanfare },
  // Filled buttons and badges of any colour get black or white text, whichever reads: at the
  // default threshold either one reaches at least 4.58:1.
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif', fontWeight: '650' },
  components: {
    // A screen reader says "Close, button" rather than just "button" on every dialog's ×.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

/**
 * Every colour a theme writes text in, made readable on the backgrounds it sits on (WCAG 2.2 AA):
 * Mantine's defaults put grey-6 (dimmed), orange-6 and red-6 text on white at 2.6–3.3:1 and grey
 * #828282 on the dark theme at 3.5–4:1. Computed from the theme's own colours so each keeps its
 * hue; only the shade moves, and only as far as needed.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  // Page, striped rows and hovered rows in each theme.
  const lightGrounds = ['#ffffff', t.colors.gray[0], t.colors.gray[1]];
  const darkGrounds = [t.colors.dark[7], t.colors.dark[6], t.colors.dark[5]];
  for (const [name, shades] of Object.entries(t.colors)) {
    if (shades.length < 10) continue;
    // Outline badges and buttons on the dark theme: Mantine draws them in shade 3 (#696969 for dark, 2.8:1).
    dark[`--mantine-color-${name}-outline`] = readableOn(shades[3], darkGrounds, 'lighter');
    if (name === 'dark') continue;
    // Also on its own pale tint, where a chip or a selected row puts it.
    const lightText = readableOn(shades[7], [...lightGrounds, shades[1]], 'darker');
    light[`--mantine-color-${name}-text`] = lightText;
    light[`--mantine-color-${name}-outline`] = lightText;
    // Light badges and light buttons: deep text on a pale tint of the same colour.
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], [shades[1], shades[2], '#ffffff'], 'darker');
    dark[`--mantine-color-${name}-text`] = readableOn(shades[4], darkGrounds, 'lighter');
    // Filled buttons and badges carry white text: deepen the fill until it reads (red-7 was 3.8:1).
    const filled = readableOn(shades[7], ['#ffffff'], 'darker');
    for (const scheme of [light, dark]) {
      scheme[`--mantine-color-${name}-filled`] = filled;
      scheme[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    }
  }
  // Dimmed text also sits on the pale pink of a selected row.
  const dimmedLight = readableOn(t.colors.gray[6], [...lightGrounds, t.colors[t.primaryColor][1]], 'darker');
  const dimmedDark = readableOn(t.colors.dark[2], darkGrounds, 'lighter');
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': dimmedLight,
      '--mantine-color-placeholder': dimmedLight,
      '--mantine-color-error': readableOn(t.colors.red[6], lightGrounds, 'darker'),
      '--mantine-color-anchor': readableOn(fanfare[7], lightGrounds, 'darker'),
      // Focus rings: at least 3:1 against the page (WCAG 2.4.11 / 1.4.11).
      '--fanfare-focus-ring': readableOn(fanfare[7], lightGrounds, 'darker', 3.2),
    },
    dark: {
      ...dark,
      '--mantine-color-dimmed': dimmedDark,
      '--mantine-color-placeholder': dimmedDark,
      '--mantine-color-error': readableOn(t.colors.red[8], darkGrounds, 'lighter'),
      '--mantine-color-anchor': readableOn(fanfare[4], darkGrounds, 'lighter'),
      '--fanfare-focus-ring': readableOn(fanfare[4], darkGrounds, 'lighter', 3.2),
    },
  };
};

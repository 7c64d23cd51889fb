import { darken, lighten, luminance } from '@mantine/core';

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Body text must reach 4.5:1 (WCAG 1.4.3); a little above it, so rounding in browsers never tips it under. */
export const TEXT_CONTRAST = 4.6;

/**
 * The colour itself if it already reads on every background, else the nearest shade of it
 * (darker on light backgrounds, lighter on dark ones) that does: the hue stays, so a theme's
 * orange warning is still orange, only deep enough to read.
 */
export function readableOn(color: string, backgrounds: readonly string[], towards: 'darker' | 'lighter', min = TEXT_CONTRAST): string {
  const shift = towards === 'darker' ? darken : lighten;
  for (let step = 0; step <= 50; step += 1) {
    const candidate = step === 0 ? color : shift(color, step / 50);
    if (backgrounds.every((bg) => contrast(candidate, bg) >= min)) return candidate;
  }
  return towards === 'darker' ? '#000000' : '#ffffff';
}

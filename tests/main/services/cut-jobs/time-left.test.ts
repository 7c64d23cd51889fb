import { describe, expect, it } from 'vitest';
import { TimeLeftEstimate } from '../../../../src/main/services/cut-jobs/time-left';

/** A cut that races through its first 1.5 s (10% done), then works at a steady pace to the end at 41.5 s. */
function fastStartThenSteady(at: number): number {
  return at <= 1.5 ? (at / 1.5) * 0.1 : Math.min(1, 0.1 + ((at - 1.5) / 40) * 0.9);
}

function run(estimate: (fraction: number, now: number) => number | null) {
  const seen: { at: number; left: number | null; truth: number }[] = [];
  for (let at = 0.25; at < 41.5; at += 0.25) seen.push({ at, left: estimate(fastStartThenSteady(at), at * 1000), truth: 41.5 - at });
  return seen;
}

describe('time left on a cut', () => {
  it('is not shown until the pace is steady, then stays close to the truth', () => {
    const t = new TimeLeftEstimate();
    const seen = run((f, now) => t.update(f, now));
    expect(seen.filter((s) => s.at < 3).every((s) => s.left === null)).toBe(true);
    const shown = seen.filter((s) => s.left !== null);
    expect(shown.length).toBeGreaterThan(100);
    for (const s of shown) expect(Math.abs(s.left! - s.truth), `at ${s.at} s`).toBeLessThanOrEqual(Math.max(3, s.truth * 0.2));
  });

  it('counts down instead of climbing the way time-so-far over fraction-done did', () => {
    const t = new TimeLeftEstimate();
    const shown = run((f, now) => t.update(f, now)).filter((s) => s.left !== null).map((s) => s.left!);
    const rises = shown.slice(1).filter((left, i) => left > shown[i] + 1);
    expect(rises).toEqual([]);
    // The old estimate on the same cut, for the record: about 14 s early on, then climbing by ten seconds and more.
    const naive = run((f, now) => (f > 0.02 ? Math.round((now / 1000) * (1 - f) / f) : null));
    const early = naive.find((s) => s.at === 1.5)!.left!;
    expect(Math.max(...naive.filter((s) => s.at > 3).map((s) => s.left ?? 0))).toBeGreaterThan(early + 10);
  });

  it('keeps counting down while progress stalls for a moment, and says nothing before any progress', () => {
    const t = new TimeLeftEstimate();
    expect(t.update(0, 0)).toBeNull();
    expect(t.update(0, 4000)).toBeNull();
    for (let at = 4.25; at <= 10; at += 0.25) t.update((at - 4) / 20, at * 1000);
    const before = t.update(6.25 / 20, 10_250)!;
    const stalled = t.update(6.25 / 20, 12_000);
    expect(stalled).not.toBeNull();
    expect(stalled!).toBeLessThanOrEqual(before);
  });
});

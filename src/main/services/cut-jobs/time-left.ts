/**
 * "About N s left" for a cut, from the throughput measured over the last few
 * seconds, not since the start. ffmpeg races through its first second or so
 * (opening, seeking, the encoder's look-ahead filling), so time-so-far over
 * fraction-done said 16 s and then climbed to 50 s as the real pace showed.
 * Here nothing is shown until a few seconds of steady work agree with each
 * other; after that the figure counts down and follows the measured pace
 * smoothly, so one slow or fast second does not make it jump.
 */
export interface TimeLeftOptions {
  /** How far back the pace is measured. */
  windowMs: number;
  /** No figure before this much work has been watched. */
  minElapsedMs: number;
  /** The pace over the whole window and over its later half this close (faster over slower) counts as steady. */
  steadyRatio: number;
  /** How much of the gap to a new measurement the shown figure closes per update. */
  follow: number;
}

const defaults: TimeLeftOptions = { windowMs: 6000, minElapsedMs: 3000, steadyRatio: 1.15, follow: 0.3 };

export class TimeLeftEstimate {
  private readonly options: TimeLeftOptions;
  private samples: { at: number; fraction: number }[] = [];
  private shown: { seconds: number; at: number } | null = null;

  constructor(options: Partial<TimeLeftOptions> = {}) {
    this.options = { ...defaults, ...options };
  }

  /** Progress `fraction` (0 to 1) seen at `nowMs`; the seconds left to show, or null while they are not known yet. */
  update(fraction: number, nowMs: number): number | null {
    const { windowMs, minElapsedMs, steadyRatio, follow } = this.options;
    this.samples.push({ at: nowMs, fraction });
    const started = this.samples[0].at;
    // Keep one sample at or before the window's start, so the pace always spans the whole window.
    while (this.samples.length > 2 && this.samples[1].at <= nowMs - windowMs) this.samples.shift();
    if (nowMs - started < minElapsedMs) return null;
    const paceSince = (from: { at: number; fraction: number }) => (fraction - from.fraction) / Math.max(1, nowMs - from.at);
    const pace = paceSince(this.samples[0]);
    const counting = this.shown ? Math.max(0, this.shown.seconds - (nowMs - this.shown.at) / 1000) : null;
    if (!(pace > 0)) return counting === null ? null : this.show(counting, nowMs);
    const measured = (1 - fraction) / pace / 1000;
    if (counting !== null) return this.show(counting + follow * (measured - counting), nowMs);
    // A window that still holds the fast start has a later half much slower than the whole: not steady yet.
    const middle = (this.samples[0].at + nowMs) / 2;
    const later = paceSince(this.samples.find((s) => s.at >= middle) ?? this.samples[0]);
    if (!(later > 0) || Math.max(pace, later) > steadyRatio * Math.min(pace, later)) return null;
    return this.show(measured, nowMs);
  }

  private show(seconds: number, nowMs: number): number {
    this.shown = { seconds, at: nowMs };
    return Math.max(1, Math.round(seconds));
  }
}

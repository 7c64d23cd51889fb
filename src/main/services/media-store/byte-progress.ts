import type { Progress } from '../../../shared/api/contract';
import { formatSize, formatTransferred } from '../../../shared/domain/file-size';

/** A progress bar moves smoothly at ten updates a second; more only floods the IPC channel. */
const MIN_INTERVAL_MS = 100;

/**
 * Turns a byte count into progress events ("Uploading clip.mp4 · 12 of 48 MB"),
 * never more often than the screen can use, never going backwards, and
 * always ending at exactly 1.
 */
export function byteProgress(onProgress: ((progress: Progress) => void) | undefined, verb: string, fileName: string, total: number | null) {
  let lastAt = 0;
  let lastFraction = -1;
  const emit = (done: number, fraction: number | null) => {
    const amount = total === null ? formatSize(done) : formatTransferred(done, total);
    onProgress?.({ fraction, message: `${verb} ${fileName} · ${amount}` });
  };
  return {
    update(done: number): void {
      const fraction = total ? Math.min(done / total, 1) : null;
      const now = Date.now();
      if (now - lastAt < MIN_INTERVAL_MS && done !== 0) return;
      // The last step belongs to finish(): 1 means the work is really done, not just the bytes sent.
      if (fraction !== null && (fraction <= lastFraction || fraction >= 1)) return;
      lastAt = now;
      if (fraction !== null) lastFraction = fraction;
      emit(done, fraction);
    },
    finish(done: number): void {
      emit(done, 1);
    },
  };
}

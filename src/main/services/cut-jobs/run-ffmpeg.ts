import { spawn } from 'node:child_process';
import { withInputAllowLists } from '../media-input';

export interface FfmpegProgress {
  /** Seconds of output written so far. */
  outSeconds: number;
  /** Encoding speed relative to real time ("2.5x"), when ffmpeg knows it. */
  speed: number | null;
}

export class FfmpegRunError extends Error {
  constructor(readonly exitCode: number | null, readonly stderr: string, readonly cancelled: boolean) {
    super(cancelled ? 'Cancelled.' : `ffmpeg exited with ${exitCode}`);
    this.name = 'FfmpegRunError';
  }
}

/**
 * Reads ffmpeg's `-progress pipe:1` blocks (key=value lines, each block
 * ending with `progress=continue|end`) and reports one update per block.
 */
export function progressParser(onProgress: (p: FfmpegProgress) => void): (chunk: string) => void {
  let pending = '';
  let outSeconds = 0;
  let speed: number | null = null;
  return (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const eq = line.indexOf('=');
      if (eq < 0) continue;
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      // out_time_us and (misnamed) out_time_ms are both microseconds; "N/A" before the first frame.
      if (key === 'out_time_us' || key === 'out_time_ms') {
        const us = Number(value);
        if (Number.isFinite(us) && us >= 0) outSeconds = us / 1e6;
      } else if (key === 'speed') {
        const s = Number.parseFloat(value);
        speed = Number.isFinite(s) && s > 0 ? s : null;
      } else if (key === 'progress') {
        onProgress({ outSeconds, speed });
      }
    }
  };
}

/**
 * Runs ffmpeg with an argument array (never a shell), every input behind
 * the media allow-lists. Aborting the signal
 * kills it at once; whoever started it removes what it half-wrote.
 */
export function runFfmpeg(ffmpegPath: string, args: string[], options: { signal?: AbortSignal; onProgress?: (p: FfmpegProgress) => void } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new FfmpegRunError(null, '', true));
    const child = spawn(ffmpegPath, withInputAllowLists(args), { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stderr = '';
    const parse = progressParser((p) => options.onProgress?.(p));
    child.stdout.setEncoding('utf8').on('data', parse);
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      // The end of the log is where ffmpeg says what went wrong.
      stderr = (stderr + text).slice(-16_000);
    });
    const onAbort = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(new FfmpegRunError(null, `${stderr}\n${error.message}`, false));
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (options.signal?.aborted) return reject(new FfmpegRunError(code, stderr, true));
      if (code === 0) resolve();
      else reject(new FfmpegRunError(code, stderr, false));
    });
  });
}

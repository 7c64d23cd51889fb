import { open } from 'node:fs/promises';
import { indirectionReason, refusedByAllowList, whatItPointsAt } from '../media-input';
import { resolveTool, runTool, ToolRunError, type MediaToolsOptions } from '../media-tools';

async function startsWithFtyp(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    await file.read(head, 0, 8, 0);
    return head.toString('latin1', 4, 8) === 'ftyp';
  } finally {
    await file.close();
  }
}

const CUT_OFF = 'the file ends early: it was cut off while it was copied or downloaded. Add a complete copy.';

async function explain(stderr: string, path: string): Promise<string> {
  const refused = refusedByAllowList(stderr);
  if (refused) return indirectionReason(refused);
  if (/moov atom not found/i.test(stderr)) {
    return (await startsWithFtyp(path).catch(() => false))
      ? 'the file is incomplete: its index never arrived, so it was cut off while it was copied or downloaded. Add a complete copy.'
      : 'its contents are not a video or picture, whatever its name says. It may be another kind of file, or damaged.';
  }
  if (/partial file/i.test(stderr)) return CUT_OFF;
  if (/Invalid data found|could not find codec|unknown format|Invalid argument/i.test(stderr)) {
    return 'its contents are not a video or picture Fanfare can read. It may be another kind of file, or damaged.';
  }
  const last = stderr.trim().split('\n').filter(Boolean).at(-1);
  return last ? `ffmpeg could not read it (${last.replace(/^.*?:\s*/, '')}).` : 'ffmpeg could not read it.';
}

/**
 * Why a video or sound file cannot be used, in words for the Library; null
 * when it reads to the end. ffprobe reads the index; then the last second
 * is decoded, because a copy cut off after a front-loaded index opens fine
 * and only fails where the data stops. Null too when there is no ffmpeg to
 * ask: that is said elsewhere, and the file may be fine.
 */
export async function whyUnreadable(path: string, options: MediaToolsOptions & { signal?: AbortSignal } = {}): Promise<string | null> {
  // Said even without ffmpeg: no tool will ever open a playlist or file list for the Library.
  const pointsAt = await whatItPointsAt(path);
  if (pointsAt) return indirectionReason(pointsAt);
  const ffprobe = resolveTool('ffprobe', options);
  const ffmpeg = resolveTool('ffmpeg', options);
  if (!ffprobe.path || !ffmpeg.path) return null;
  const run = { signal: options.signal, timeoutMs: 60_000 };
  let streams: { codec_type?: string }[];
  try {
    const { stdout } = await runTool(ffprobe.path, ['-v', 'error', '-print_format', 'json', '-show_entries', 'stream=codec_type', '-i', path], run);
    streams = (JSON.parse(stdout) as { streams?: { codec_type?: string }[] }).streams ?? [];
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (error instanceof ToolRunError && (error.notStarted || error.exitCode === null)) return null;
    return explain(error instanceof ToolRunError ? error.stderr : String(error), path);
  }
  if (!streams.some((s) => s.codec_type === 'video' || s.codec_type === 'audio')) return 'it has no picture or sound Fanfare can read.';
  try {
    const { stderr } = await runTool(ffmpeg.path, ['-hide_banner', '-nostdin', '-v', 'error', '-sseof', '-1', '-i', path, '-f', 'null', '-'], run);
    if (/partial file/i.test(stderr)) return CUT_OFF;
    if (/Error while decoding|Invalid NAL|corrupt/i.test(stderr)) return 'the pictures near its end are damaged. Add a complete copy.';
    return null;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (error instanceof ToolRunError && (error.notStarted || error.exitCode === null)) return null;
    return explain(error instanceof ToolRunError ? error.stderr : String(error), path);
  }
}

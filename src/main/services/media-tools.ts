import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, delimiter, dirname, join, sep } from 'node:path';
import type { MediaToolsReport, Progress, ToolSource, ToolStatus } from '../../shared/api/contract';
import { withInputAllowLists } from './media-input';

export type ToolName = ToolStatus['name'];

export interface MediaToolsOptions {
  /** Defaults to process.env; tests pass their own to pin the lookup. */
  env?: NodeJS.ProcessEnv;
  /** ffmpeg-static's binary; undefined = ask the package, null = treat it as not installed. */
  ffmpegStaticPath?: string | null;
}

export interface ToolLocation {
  name: ToolName;
  path: string | null;
  source: ToolSource | null;
  /** Set when the tool cannot be used, in words for the person at the keyboard. */
  problem: string | null;
}

const isWindows = process.platform === 'win32';
const exe = (name: string) => (isWindows ? `${name}.exe` : name);

function isRunnableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, isWindows ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let cachedStaticPath: string | null | undefined;

/**
 * ffmpeg-static is optional: its binary comes from GitHub at install time,
 * which fails offline, so the package may be missing or present without
 * the file. Inside a packaged app the binary lives in app.asar.unpacked.
 */
export function ffmpegStaticBinary(): string | null {
  if (cachedStaticPath !== undefined) return cachedStaticPath;
  try {
    const found: unknown = createRequire(import.meta.url)('ffmpeg-static');
    cachedStaticPath = typeof found === 'string' ? found.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`) : null;
  } catch {
    cachedStaticPath = null;
  }
  return cachedStaticPath;
}

function findOnPath(name: string, env: NodeJS.ProcessEnv): string | null {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  const extensions = isWindows ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of extensions) {
      const candidate = join(dir, name + ext.toLowerCase());
      if (isRunnableFile(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * Order: FFMPEG_PATH, then ffmpeg-static's binary, then PATH. ffprobe has no
 * variable of its own and ffmpeg-static does not ship it, so it is looked for
 * next to whichever ffmpeg was configured, then on PATH.
 */
export function resolveTool(name: ToolName, options: MediaToolsOptions = {}): ToolLocation {
  const env = options.env ?? process.env;
  const staticPath = options.ffmpegStaticPath === undefined ? ffmpegStaticBinary() : options.ffmpegStaticPath;
  const configured = env.FFMPEG_PATH?.trim();

  if (configured) {
    const wanted = name === 'ffmpeg' ? configured : join(dirname(configured), exe('ffprobe'));
    if (isRunnableFile(wanted)) return { name, path: wanted, source: 'FFMPEG_PATH', problem: null };
    if (name === 'ffmpeg') {
      // Someone set this on purpose; quietly using another ffmpeg would hide their mistake.
      return {
        name, path: null, source: 'FFMPEG_PATH',
        problem: `The FFMPEG_PATH setting points to "${configured}", but there is no ffmpeg program there. Correct or remove that setting so Fanfare can find ffmpeg.`,
      };
    }
  }

  if (staticPath) {
    const wanted = name === 'ffmpeg' ? staticPath : join(dirname(staticPath), exe('ffprobe'));
    if (isRunnableFile(wanted)) return { name, path: wanted, source: 'ffmpeg-static', problem: null };
  }

  const onPath = findOnPath(name, env);
  if (onPath) return { name, path: onPath, source: 'PATH', problem: null };

  return {
    name, path: null, source: null,
    problem: name === 'ffmpeg'
      ? 'ffmpeg is not installed, so Fanfare cannot read or cut videos. Install ffmpeg (ffmpeg.org) and restart Fanfare.'
      : 'ffprobe is not installed. Fanfare reads video details with ffmpeg instead, which works but is a little slower.',
  };
}

export class ToolRunError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    /** True when the program itself could not be started (missing, not executable). */
    readonly notStarted: boolean,
    readonly aborted: boolean,
  ) {
    super(message);
    this.name = 'ToolRunError';
  }
}

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Every input (`-i`) gets the media allow-lists (media-input.ts); pass ffprobe's input with `-i` too. */
export function runTool(path: string, args: string[], options: RunOptions = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      path, withInputAllowLists(args),
      { signal: options.signal, timeout: options.timeoutMs ?? 60_000, maxBuffer: 32 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const e = error as NodeJS.ErrnoException & { code?: string | number; killed?: boolean };
        const notStarted = typeof e.code === 'string' && ['ENOENT', 'EACCES', 'EPERM', 'ENOEXEC'].includes(e.code);
        const aborted = e.name === 'AbortError' || options.signal?.aborted === true;
        const exitCode = typeof e.code === 'number' ? e.code : null;
        reject(new ToolRunError(`${basename(path)} failed: ${e.message}`, exitCode, String(stderr ?? ''), notStarted, aborted));
      },
    );
  });
}

export async function checkTool(name: ToolName, options: MediaToolsOptions & RunOptions = {}): Promise<ToolStatus> {
  const location = resolveTool(name, options);
  const status: ToolStatus = { ...location, available: false, version: null };
  if (!location.path) return status;
  try {
    const { stdout } = await runTool(location.path, ['-hide_banner', '-version'], { signal: options.signal, timeoutMs: options.timeoutMs ?? 15_000 });
    status.available = true;
    status.version = /version\s+(\S+)/.exec(stdout)?.[1] ?? null;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = error instanceof ToolRunError && error.notStarted ? 'it could not be started' : 'it did not answer as expected';
    status.problem = `Fanfare found ${name} at "${location.path}", but ${reason}. Reinstalling ffmpeg usually fixes this.`;
  }
  return status;
}

export async function checkMediaTools(
  options: MediaToolsOptions & RunOptions & { onProgress?: (progress: Progress) => void } = {},
): Promise<MediaToolsReport> {
  const names: ToolName[] = ['ffmpeg', 'ffprobe'];
  const tools: ToolStatus[] = [];
  for (const [index, name] of names.entries()) {
    options.onProgress?.({ fraction: index / names.length, message: `Checking ${name}…` });
    tools.push(await checkTool(name, options));
  }
  options.onProgress?.({ fraction: 1, message: 'Media tools checked.' });
  return { tools };
}

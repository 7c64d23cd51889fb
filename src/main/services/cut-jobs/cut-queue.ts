import { randomUUID } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import type { HostParsedInput, MediaFile } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import { buildCutArgs, CutPlanError } from '../../../shared/media/cut-plan';
import type { CutJobView } from '../../../shared/media/library-contract';
import { writeAll } from '../durable-file';
import type { MediaStore } from '../media-store/media-store';
import { indirectionError, refusedByAllowList, refuseIndirection } from '../media-input';
import { resolveTool, type MediaToolsOptions } from '../media-tools';
import { explainFfmpegFailure } from './explain-failure';
import { imageSize, isStillImage } from './still-image';
import { cutImage } from './image-cut';
import { NOT_A_VIDEO, probeDetails, type MediaDetails } from './probe-details';
import { FfmpegRunError, runFfmpeg } from './run-ffmpeg';
import { TimeLeftEstimate } from './time-left';
import { verifyImageOutput, verifyVideoOutput } from './verify-output';

export type CutJobInput = HostParsedInput<'cut-jobs-start'>;

export interface CutQueueOptions {
  store: MediaStore;
  /** Where outputs are written while they are made and checked; emptied per job. */
  workDir: string;
  /** Jobs at once; each ffmpeg already uses every core, so by default one per two cores. */
  concurrency?: number;
  mediaTools?: MediaToolsOptions;
  x264Preset?: string;
  /**
   * Where finished jobs are kept until their workspace clears them, so a job
   * that finished while its workspace was not open is still there to be
   * filed after the app restarts.
   */
  journal?: string;
}

interface Job {
  view: CutJobView;
  input: CutJobInput;
  controller: AbortController;
}

interface Waiter {
  /** Undefined: woken by any change (a reader of the whole queue). */
  workspaceId: string | undefined;
  wake: () => void;
}

export interface ListOptions {
  /** Only this workspace's jobs; its version moves only when one of them changes. */
  workspaceId?: string;
  afterVersion?: number;
  waitMs?: number;
}

/** Finished jobs kept across restarts; the oldest go first beyond this. */
const JOURNAL_JOBS = 500;
/** The screen needs a few updates a second, not one per ffmpeg block. */
const PROGRESS_INTERVAL_MS = 250;
const IMAGE_FORMATS = new Set(['image2', 'png_pipe', 'jpeg_pipe', 'webp_pipe', 'gif', 'bmp_pipe', 'tiff_pipe', 'avif', 'heif']);

function ffmpegProblem(error: unknown, fileName: string): HostError {
  if (error instanceof FfmpegRunError && error.cancelled) return new HostError('cancelled', 'Cancelled.');
  const refused = error instanceof FfmpegRunError ? refusedByAllowList(error.stderr) : null;
  if (refused) return indirectionError(refused, fileName);
  return new HostError('invalid-input', error instanceof FfmpegRunError ? explainFfmpegFailure(error.stderr) : NOT_A_VIDEO);
}

export function defaultConcurrency(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

function stemOf(fileName: string): string {
  const ext = extname(fileName);
  return (ext ? fileName.slice(0, -ext.length) : fileName) || 'cut';
}

/**
 * Cut jobs live in the main process, so closing or reloading the window
 * loses nothing: the page asks for the list again. Every job belongs to the
 * workspace that started it: a workspace lists, cancels and clears only its
 * own, so switching workspaces mid-cut never shows (or files) a job in the
 * wrong one. Every failure ends as a job marked failed with a sentence for
 * the marketer; nothing here throws into the process.
 */
export class CutQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly waiters = new Set<Waiter>();
  private version = 0;
  /** The version at which each workspace's jobs last changed, so a long poll wakes only for its own. */
  private readonly changedAt = new Map<string, number>();
  private running = 0;
  private readonly concurrency: number;
  private idle: Promise<void> = Promise.resolve();
  private resolveIdle: (() => void) | null = null;

  constructor(private readonly options: CutQueueOptions) {
    this.concurrency = Math.max(1, options.concurrency ?? defaultConcurrency());
    for (const kept of this.readJournal()) this.jobs.set(kept.view.id, { ...kept, controller: new AbortController() });
  }

  private readJournal(): Pick<Job, 'view' | 'input'>[] {
    if (!this.options.journal) return [];
    try {
      const kept = JSON.parse(readFileSync(this.options.journal, 'utf8')) as unknown;
      return Array.isArray(kept) ? kept.filter((j: Job) => j?.view?.status === 'done' && typeof j.view.workspaceId === 'string') : [];
    } catch {
      // None yet, or a torn one: the outputs are still in the media store, only the list is gone.
      return [];
    }
  }

  private journalWrite: Promise<void> = Promise.resolve();

  /** Writes the finished jobs (one write at a time, the newest state last): a temporary file, then a rename. */
  private saveJournal(): void {
    const path = this.options.journal;
    if (!path) return;
    const kept = [...this.jobs.values()].filter((j) => j.view.status === 'done').slice(-JOURNAL_JOBS).map(({ view, input }) => ({ view, input }));
    const text = JSON.stringify(kept);
    this.journalWrite = this.journalWrite.then(async () => {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      const file = await open(temporary, 'w');
      try {
        await writeAll(file, Buffer.from(text, 'utf8'));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    }).catch(() => undefined);
  }

  /** Resolves when the finished jobs are written down (tests). */
  whenSaved(): Promise<void> {
    return this.journalWrite;
  }

  start(input: CutJobInput): CutJobView {
    const id = randomUUID();
    const view: CutJobView = {
      id, workspaceId: input.workspaceId, sourceSha256: input.sourceSha256, sourceFileName: input.sourceFileName, sourceAssetId: input.sourceAssetId,
      kind: 'video', createdAt: new Date().toISOString(), status: 'queued', percent: 0, secondsLeft: null, error: null, filed: false,
      outputs: input.outputs.map((o) => ({
        presetId: o.preset.id, presetName: o.preset.name, width: o.preset.width, height: o.preset.height, fit: o.fit,
        status: 'pending', problem: null, file: null, checks: [],
      })),
    };
    this.jobs.set(id, { view, input, controller: new AbortController() });
    if (!this.resolveIdle) this.idle = new Promise((resolve) => (this.resolveIdle = resolve));
    this.bump(view.workspaceId);
    this.pump();
    return structuredClone(view);
  }

  /** One workspace's jobs (or, without one, every job: tests and benchmarks). */
  snapshot(workspaceId?: string): { version: number; jobs: CutJobView[] } {
    const jobs = [...this.jobs.values()].filter((j) => workspaceId === undefined || j.view.workspaceId === workspaceId);
    return { version: this.versionOf(workspaceId), jobs: jobs.map((j) => structuredClone(j.view)) };
  }

  /** Answers at once when the caller is behind; otherwise waits for the next change of its workspace (or the time limit). */
  async list(options: ListOptions = {}, signal?: AbortSignal): Promise<{ version: number; jobs: CutJobView[] }> {
    const { workspaceId, afterVersion = -1, waitMs = 0 } = options;
    if (afterVersion !== this.versionOf(workspaceId) || waitMs === 0) return this.snapshot(workspaceId);
    await new Promise<void>((resolve) => {
      const waiter: Waiter = {
        workspaceId,
        wake: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          signal?.removeEventListener('abort', waiter.wake);
          resolve();
        },
      };
      const timer = setTimeout(waiter.wake, waitMs);
      this.waiters.add(waiter);
      signal?.addEventListener('abort', waiter.wake, { once: true });
    });
    return this.snapshot(workspaceId);
  }

  /** Another workspace's job is not this workspace's to cancel: it answers null, as for an unknown job. */
  cancel(id: string, workspaceId?: string): CutJobView | null {
    const job = this.jobs.get(id);
    if (!job || (workspaceId !== undefined && job.view.workspaceId !== workspaceId)) return null;
    if (job.view.status === 'queued') {
      job.view.status = 'cancelled';
      job.view.secondsLeft = null;
      for (const out of job.view.outputs) {
        out.status = 'cancelled';
        out.problem = 'Cancelled.';
      }
      this.bump(job.view.workspaceId);
      this.checkIdle();
    } else if (job.view.status === 'running') {
      job.controller.abort();
    }
    return structuredClone(job.view);
  }

  /** Its workspace has filed the outputs; kept across restarts, so they are never filed twice. */
  markFiled(id: string, workspaceId: string): CutJobView | null {
    const job = this.jobs.get(id);
    if (!job || job.view.workspaceId !== workspaceId || job.view.status !== 'done') return null;
    if (!job.view.filed) {
      job.view.filed = true;
      this.saveJournal();
      this.bump(workspaceId);
    }
    return structuredClone(job.view);
  }

  clear(workspaceId?: string): { version: number; jobs: CutJobView[] } {
    for (const [id, job] of this.jobs) {
      if (workspaceId !== undefined && job.view.workspaceId !== workspaceId) continue;
      if (job.view.status !== 'queued' && job.view.status !== 'running') this.jobs.delete(id);
    }
    this.saveJournal();
    this.bump(workspaceId);
    return this.snapshot(workspaceId);
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  /** Stops everything (the app is quitting): running ffmpegs are killed and their files removed. */
  async close(): Promise<void> {
    for (const job of this.jobs.values()) {
      if (job.view.status === 'queued') job.view.status = 'cancelled';
      if (job.view.status === 'running') job.controller.abort();
    }
    this.checkIdle();
    await this.idle;
  }

  private versionOf(workspaceId: string | undefined): number {
    return workspaceId === undefined ? this.version : this.changedAt.get(workspaceId) ?? 0;
  }

  /** A change to one workspace's jobs wakes its readers and the whole-queue ones, never another workspace's. */
  private bump(workspaceId: string | undefined): void {
    this.version++;
    if (workspaceId !== undefined) this.changedAt.set(workspaceId, this.version);
    else for (const ws of this.changedAt.keys()) this.changedAt.set(ws, this.version);
    for (const waiter of [...this.waiters]) {
      if (waiter.workspaceId === undefined || workspaceId === undefined || waiter.workspaceId === workspaceId) waiter.wake();
    }
  }

  private checkIdle(): void {
    const busy = [...this.jobs.values()].some((j) => j.view.status === 'queued' || j.view.status === 'running');
    if (!busy && this.resolveIdle) {
      this.resolveIdle();
      this.resolveIdle = null;
    }
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = [...this.jobs.values()].find((j) => j.view.status === 'queued');
      if (!next) break;
      this.running++;
      next.view.status = 'running';
      this.bump(next.view.workspaceId);
      void this.run(next).finally(() => {
        this.running--;
        this.bump(next.view.workspaceId);
        this.pump();
        this.checkIdle();
      });
    }
  }

  private async run(job: Job): Promise<void> {
    const dir = join(this.options.workDir, job.view.id);
    try {
      await mkdir(dir, { recursive: true });
      await this.cut(job, dir);
    } catch (error) {
      const cancelled = job.controller.signal.aborted || (error instanceof HostError && error.code === 'cancelled');
      job.view.status = cancelled ? 'cancelled' : 'failed';
      job.view.error = cancelled ? null : error instanceof HostError || error instanceof CutPlanError ? error.message
        : `Something went wrong while cutting: ${(error as Error)?.message ?? String(error)}`;
      for (const out of job.view.outputs) {
        if (out.status !== 'pending') continue;
        // A cancelled output did not fail: it was never made, and says so.
        if (cancelled) {
          out.status = 'cancelled';
          out.problem = 'Cancelled.';
        } else {
          out.status = 'failed';
          out.problem = job.view.error;
        }
      }
    } finally {
      job.view.secondsLeft = null;
      // Half-written and checked-and-stored outputs alike: the store has its own copy of the good ones.
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private async cut(job: Job, dir: string): Promise<void> {
    const { store, mediaTools } = this.options;
    const signal = job.controller.signal;
    const sourcePath = store.pathOf(job.input.sourceSha256);
    const exists = await stat(sourcePath).then((s) => s.isFile() && s.size > 0, () => false);
    if (!exists) throw new HostError('not-found', 'The original file is not on this computer yet. Wait until it has downloaded from your team, then try again.');
    await refuseIndirection(sourcePath, job.input.sourceFileName);
    if (await isStillImage(sourcePath)) {
      job.view.kind = 'image';
      return this.cutImages(job, dir, sourcePath);
    }
    const details = await probeDetails(sourcePath, { ...mediaTools, signal, fileName: job.input.sourceFileName });
    if (!details.video) throw new HostError('invalid-input', details.audio ? 'This file is only sound: there is no picture to cut.' : NOT_A_VIDEO);

    const isImage = details.formatNames.some((f) => IMAGE_FORMATS.has(f)) || (details.durationSeconds === null && details.video.durationSeconds === null);
    job.view.kind = isImage ? 'image' : 'video';
    if (isImage) return this.cutImages(job, dir, sourcePath);
    return this.cutVideo(job, dir, sourcePath, details);
  }

  private async cutImages(job: Job, dir: string, sourcePath: string): Promise<void> {
    const stem = stemOf(job.input.sourceFileName);
    const size = await imageSize(sourcePath);
    if (!size) throw new HostError('invalid-input', 'This picture is damaged or in a format Fanfare cannot read.');
    for (const [i, spec] of job.input.outputs.entries()) {
      job.controller.signal.throwIfAborted();
      const fileName = `${stem}_${spec.preset.id}.jpg`;
      const path = join(dir, fileName);
      const out = job.view.outputs[i];
      try {
        await cutImage(sourcePath, { width: spec.preset.width, height: spec.preset.height, fit: spec.fit, focusX: spec.focusX, focusY: spec.focusY }, path, size);
      } catch {
        throw new HostError('invalid-input', 'This picture is damaged or in a format Fanfare cannot read.');
      }
      const verdict = await verifyImageOutput(path, spec.preset);
      out.checks = verdict.checks;
      if (verdict.ok) {
        out.file = await this.keep(path, fileName, 'image/jpeg', { kind: 'image', width: spec.preset.width, height: spec.preset.height, durationSeconds: null, videoCodec: '', audioCodec: '' });
        out.status = 'done';
      } else {
        out.status = 'failed';
        out.problem = verdict.problems.join(' ');
      }
      job.view.percent = Math.round(((i + 1) / job.input.outputs.length) * 100);
      this.bump(job.view.workspaceId);
    }
    this.settle(job);
  }

  private async cutVideo(job: Job, dir: string, sourcePath: string, details: MediaDetails): Promise<void> {
    const video = details.video!;
    const ffmpeg = resolveTool('ffmpeg', this.options.mediaTools ?? {});
    if (!ffmpeg.path) throw new HostError('not-available', ffmpeg.problem ?? 'ffmpeg is not installed, so Fanfare cannot cut videos.');
    const duration = details.durationSeconds ?? video.durationSeconds ?? 0;
    const stem = stemOf(job.input.sourceFileName);
    const names = job.input.outputs.map((o) => `${stem}_${o.preset.id}.mp4`);
    const request = {
      source: { path: sourcePath, width: video.width, height: video.height, durationSeconds: duration, frameRate: video.frameRateExact ?? video.frameRate, hasAudio: details.audio !== null },
      inSeconds: job.input.inSeconds, outSeconds: job.input.outSeconds ?? duration, x264Preset: this.options.x264Preset,
    };
    const plan = buildCutArgs({ ...request, outputs: job.input.outputs.map((o, i) => ({ ...o, path: join(dir, names[i]) })) });

    const timeLeft = new TimeLeftEstimate();
    let lastBump = 0;
    try {
      await runFfmpeg(ffmpeg.path, plan.args, {
        signal: job.controller.signal,
        onProgress: ({ outSeconds }) => {
          const fraction = Math.min(outSeconds / plan.durationSeconds, 1);
          const now = Date.now();
          // Every report feeds the pace, even those not sent on to the window.
          const secondsLeft = timeLeft.update(fraction, now);
          if (now - lastBump < PROGRESS_INTERVAL_MS) return;
          lastBump = now;
          // The last percent belongs to the check: 100 means checked, not just written.
          job.view.percent = Math.min(99, Math.floor(fraction * 100));
          job.view.secondsLeft = secondsLeft;
          this.bump(job.view.workspaceId);
        },
      });
    } catch (error) {
      throw ffmpegProblem(error, job.input.sourceFileName);
    }

    job.view.percent = 99;
    job.view.secondsLeft = null;
    this.bump(job.view.workspaceId);
    for (const [i, spec] of job.input.outputs.entries()) {
      job.controller.signal.throwIfAborted();
      let path = join(dir, names[i]);
      const withAudio = spec.keepAudio && details.audio !== null;
      let verdict = await verifyVideoOutput(path, { preset: spec.preset, durationSeconds: plan.durationSeconds, plan: plan.outputs[i], withAudio }, this.options.mediaTools);
      if (!verdict.ok && verdict.onlyBelowFloor) {
        // A still or low-detail cut came out under the platform's floor: cut it again at a constant rate just above it.
        path = join(dir, `floor-${names[i]}`);
        const floorPlan = buildCutArgs({ ...request, outputs: [{ ...spec, path, rateMode: 'floor' }] });
        try {
          await runFfmpeg(ffmpeg.path, floorPlan.args, { signal: job.controller.signal });
        } catch (error) {
          throw ffmpegProblem(error, job.input.sourceFileName);
        }
        verdict = await verifyVideoOutput(path, { preset: spec.preset, durationSeconds: floorPlan.durationSeconds, plan: floorPlan.outputs[0], withAudio }, this.options.mediaTools);
      }
      const out = job.view.outputs[i];
      out.checks = verdict.checks;
      if (verdict.ok) {
        out.file = await this.keep(path, names[i], 'video/mp4', {
          kind: 'video', width: spec.preset.width, height: spec.preset.height, durationSeconds: Math.round(plan.durationSeconds * 1000) / 1000,
          videoCodec: 'h264', audioCodec: withAudio ? 'aac' : '',
        });
        out.status = 'done';
      } else {
        out.status = 'failed';
        out.problem = verdict.problems.join(' ');
      }
    }
    this.settle(job);
  }

  private async keep(path: string, fileName: string, mimeType: string, rest: Pick<MediaFile, 'kind' | 'width' | 'height' | 'durationSeconds' | 'videoCodec' | 'audioCodec'>): Promise<MediaFile> {
    const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
    try {
      const written = await this.options.store.write(source);
      return { sha256: written.sha256, sizeBytes: written.sizeBytes, fileName, mimeType, ...rest };
    } finally {
      source.destroy();
    }
  }

  private settle(job: Job): void {
    const failed = job.view.outputs.filter((o) => o.status === 'failed');
    job.view.percent = 100;
    if (failed.length === job.view.outputs.length) {
      job.view.status = 'failed';
      job.view.error = failed[0]?.problem ?? 'The cut failed its check.';
    } else {
      job.view.status = 'done';
      job.view.error = failed.length ? `${failed.length} of ${job.view.outputs.length} cuts failed their check.` : null;
      this.saveJournal();
    }
  }
}


import type { HostApi, Progress } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import type { Invite } from '../../../shared/sync/invite';

/**
 * Media bytes for a workspace that syncs with a team server. Asset records
 * travel with the Y.Doc; their bytes do not. This sends every file whose
 * bytes are on this computer but not yet on the server (a queue, two at a
 * time, waiting and retrying while offline), and fetches a teammate's file
 * when something needs it (`ensureLocal`). The host does the moving; this
 * decides what moves when.
 *
 * Kept free of the DOM and of Node so it runs against the real host in tests.
 */

export type MediaHost = Pick<HostApi, 'media-status' | 'media-upload' | 'media-download'>;

/** What the queue needs of an `assets` record. */
export interface MediaAsset {
  sha256: string;
  fileName: string;
  sizeBytes: number;
}

/**
 * Which files the team server is known to have, per server and workspace,
 * so that opening a workspace does not ask the server about every file again.
 */
export interface UploadedMemory {
  load(key: string): string[];
  save(key: string, sha256s: string[]): void;
}

export function memoryInMemory(): UploadedMemory {
  const saved = new Map<string, string[]>();
  return { load: (key) => saved.get(key) ?? [], save: (key, list) => void saved.set(key, [...list]) };
}

export interface FileTransfer {
  sha256: string;
  fileName: string;
  fraction: number | null;
  message: string;
}

export interface FileProblem {
  sha256: string;
  fileName: string;
  message: string;
}

export interface MediaSyncStatus {
  /**
   * off: no team server. checking: asking the host which files are here.
   * waiting: files to send, but the server cannot be reached (retrying).
   * refused: the server no longer accepts the invite.
   */
  state: 'off' | 'checking' | 'idle' | 'uploading' | 'waiting' | 'paused' | 'refused';
  /** Media files in the workspace (distinct contents). */
  files: number;
  /** Files here and not yet on the server, the ones being sent included. */
  pending: number;
  /** How far the files queued since the queue was last empty have got, 0..1. */
  fraction: number | null;
  uploads: FileTransfer[];
  downloads: FileTransfer[];
  /** Files that will not go until something changes (too big, gone from disk). */
  failed: FileProblem[];
  /** Why it is waiting or refused, in the words the host gave. */
  message: string | null;
}

export interface MediaSyncOptions {
  memory?: UploadedMemory;
  /** Files sent at once: two keeps a slow uplink busy without starving the document sync. */
  concurrency?: number;
  /** Backoff between retries while the server is unreachable, doubling from `first` up to `max`. */
  retryMs?: { first: number; max: number };
  /** Tries for a file that fails for a reason other than the network (damaged on the way). */
  maxAttempts?: number;
}

interface Active {
  controller: AbortController;
  fraction: number | null;
  message: string;
}

interface Download extends Active {
  fileName: string;
  promise: Promise<void>;
  listeners: Set<(progress: Progress) => void>;
}

/** Failures that trying again cannot fix; the file waits until the user asks again. */
const FINAL = new Set(['too-large', 'not-found', 'invalid-input']);
const STATUS_BATCH = 1000;

const sameRemote = (a: Invite | null, b: Invite | null) =>
  a?.server === b?.server && a?.workspaceId === b?.workspaceId && a?.token === b?.token;

export class MediaSync {
  private readonly memory: UploadedMemory;
  private readonly concurrency: number;
  private readonly retryMs: { first: number; max: number };
  private readonly maxAttempts: number;

  private remote: Invite | null = null;
  /** Bumped whenever the remote changes: answers about the old one are dropped. */
  private generation = 0;
  private paused = false;
  private online = true;
  private refused: string | null = null;
  private closed = false;

  private assets = new Map<string, MediaAsset>();
  private uploaded = new Set<string>();
  private notHere = new Set<string>();
  private queue: string[] = [];
  private readonly active = new Map<string, Active>();
  private readonly downloads = new Map<string, Download>();
  private failed = new Map<string, string>();
  private attempts = new Map<string, number>();
  private checking = 0;

  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private backoffMs: number;
  private waitingMessage: string | null = null;
  private runTotal = 0;
  private runDone = 0;

  private readonly listeners = new Set<(status: MediaSyncStatus) => void>();
  private current: MediaSyncStatus;

  constructor(private readonly host: MediaHost, options: MediaSyncOptions = {}) {
    this.memory = options.memory ?? memoryInMemory();
    this.concurrency = options.concurrency ?? 2;
    this.retryMs = options.retryMs ?? { first: 2_000, max: 60_000 };
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = this.retryMs.first;
    this.current = this.compute();
  }

  get status(): MediaSyncStatus {
    return this.current;
  }

  onStatus(listener: (status: MediaSyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The team server to use (the workspace's invite), or null when the workspace syncs with no one. */
  setRemote(invite: Invite | null): void {
    if (this.closed || sameRemote(this.remote, invite)) return;
    this.generation++;
    for (const { controller } of this.active.values()) controller.abort();
    this.active.clear();
    this.clearRetry();
    this.remote = invite ? { server: invite.server, workspaceId: invite.workspaceId, token: invite.token } : null;
    this.queue = [];
    this.checking = 0;
    this.notHere = new Set();
    this.failed = new Map();
    this.attempts = new Map();
    this.refused = null;
    this.waitingMessage = null;
    this.runTotal = this.runDone = 0;
    this.uploaded = new Set(invite ? this.memory.load(this.memoryKey()) : []);
    this.emit();
    if (invite) void this.consider([...this.assets.keys()]);
  }

  /** While paused nothing is sent; files being sent stop and go back to the front of the queue. */
  setPaused(paused: boolean): void {
    if (this.closed || paused === this.paused) return;
    this.paused = paused;
    if (paused) for (const { controller } of this.active.values()) controller.abort();
    this.pump();
    this.emit();
  }

  /** What the document sync knows: when it is offline, files wait instead of failing one by one. */
  setOnline(online: boolean): void {
    if (this.closed || online === this.online) return;
    this.online = online;
    if (online) this.retryNow();
    else this.emit();
  }

  /** The workspace's media files; call again whenever they change. */
  setAssets(list: MediaAsset[]): void {
    if (this.closed) return;
    const next = new Map<string, MediaAsset>();
    for (const asset of list) if (!next.has(asset.sha256)) next.set(asset.sha256, asset);
    const added = [...next.keys()].filter((sha) => !this.assets.has(sha));
    // A file removed from the library need not be sent (one being sent finishes).
    for (const sha of this.queue) if (!next.has(sha)) this.runTotal -= this.assets.get(sha)?.sizeBytes ?? 0;
    this.queue = this.queue.filter((sha) => next.has(sha));
    this.assets = next;
    if (this.queue.length === 0 && this.active.size === 0) this.runTotal = this.runDone = 0;
    this.emit();
    if (added.length) void this.consider(added);
  }

  /** Try now: after the backoff, after "too big" was fixed on the server, after a file was put back. */
  retryNow(): void {
    if (this.closed) return;
    this.clearRetry();
    this.backoffMs = this.retryMs.first;
    this.waitingMessage = null;
    this.refused = null;
    for (const sha of this.failed.keys()) this.enqueue(sha);
    this.failed.clear();
    this.attempts.clear();
    const unsure = [...this.notHere];
    this.notHere.clear();
    this.pump();
    this.emit();
    if (unsure.length) void this.consider(unsure);
  }

  /**
   * Makes sure a file's bytes are on this computer, fetching them from the
   * team server if needed. Callers asking for the same file share one
   * download; aborting `signal` stops it.
   */
  ensureLocal(sha256: string, options: { fileName?: string; onProgress?: (progress: Progress) => void; signal?: AbortSignal } = {}): Promise<void> {
    const running = this.downloads.get(sha256);
    if (running) {
      if (options.onProgress) running.listeners.add(options.onProgress);
      return running.promise;
    }
    const remote = this.remote;
    if (this.closed || !remote) {
      return Promise.reject(new HostError('not-available', 'This workspace is not connected to a team server, so files from teammates can’t be fetched.'));
    }
    const fileName = options.fileName ?? this.assets.get(sha256)?.fileName ?? 'file';
    const controller = new AbortController();
    if (options.signal?.aborted) controller.abort();
    options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const download: Download = {
      controller, fileName, fraction: 0, message: `Downloading ${fileName}…`, listeners: new Set(options.onProgress ? [options.onProgress] : []),
      promise: Promise.resolve(),
    };
    const generation = this.generation;
    download.promise = this.host['media-download']({ sha256, ...remote, fileName }, {
      signal: controller.signal,
      onProgress: (progress) => {
        download.fraction = progress.fraction;
        download.message = progress.message;
        download.listeners.forEach((l) => l(progress));
        this.emit();
      },
    }).then(() => {
      // It came from the server, so the server has it: nothing to send back.
      if (generation === this.generation) this.rememberUploaded(sha256);
      this.notHere.delete(sha256);
    }).finally(() => {
      this.downloads.delete(sha256);
      this.emit();
    });
    this.downloads.set(sha256, download);
    this.emit();
    return download.promise;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.clearRetry();
    for (const { controller } of [...this.active.values(), ...this.downloads.values()]) controller.abort();
    this.listeners.clear();
  }

  private memoryKey(): string {
    return `${this.remote!.server}|${this.remote!.workspaceId}`;
  }

  private rememberUploaded(sha256: string): void {
    if (!this.remote || this.uploaded.has(sha256)) return;
    this.uploaded.add(sha256);
    this.memory.save(this.memoryKey(), [...this.uploaded]);
  }

  /** Asks the host which of these files are here; those are queued, the others are a teammate's. */
  private async consider(shas: string[]): Promise<void> {
    const generation = this.generation;
    const fresh = shas.filter((sha) => !this.uploaded.has(sha) && !this.queue.includes(sha) && !this.active.has(sha) && !this.failed.has(sha));
    if (!this.remote || fresh.length === 0) return;
    this.checking++;
    this.emit();
    try {
      for (let i = 0; i < fresh.length; i += STATUS_BATCH) {
        const { present, missing } = await this.host['media-status']({ sha256s: fresh.slice(i, i + STATUS_BATCH) });
        if (generation !== this.generation || this.closed) return;
        for (const sha of missing) this.notHere.add(sha);
        for (const sha of present) if (this.assets.has(sha)) this.enqueue(sha);
        this.pump();
        this.emit();
      }
    } catch (error) {
      // The host itself did not answer (it is restarting); the next change or retry asks again.
      console.error('Fanfare could not check which media files are on this computer', error);
    } finally {
      if (generation === this.generation) this.checking--;
      this.emit();
    }
  }

  private enqueue(sha256: string): void {
    if (this.queue.includes(sha256) || this.active.has(sha256)) return;
    this.queue.push(sha256);
    this.runTotal += this.assets.get(sha256)?.sizeBytes ?? 0;
  }

  private pump(): void {
    if (this.closed || !this.remote || this.paused || this.refused || !this.online || this.retryTimer) return;
    while (this.active.size < this.concurrency && this.queue.length) this.upload(this.queue.shift()!);
  }

  private upload(sha256: string): void {
    const remote = this.remote!;
    const generation = this.generation;
    const asset = this.assets.get(sha256) ?? { sha256, fileName: 'file', sizeBytes: 0 };
    const job: Active = { controller: new AbortController(), fraction: 0, message: `Uploading ${asset.fileName}…` };
    this.active.set(sha256, job);
    this.emit();
    this.host['media-upload']({ sha256, ...remote, fileName: asset.fileName }, {
      signal: job.controller.signal,
      onProgress: (progress) => {
        job.fraction = progress.fraction;
        job.message = progress.message;
        this.emit();
      },
    }).then(
      () => {
        if (generation !== this.generation || this.closed) return;
        this.active.delete(sha256);
        this.rememberUploaded(sha256);
        this.runDone += asset.sizeBytes;
        this.attempts.delete(sha256);
        this.backoffMs = this.retryMs.first;
        this.waitingMessage = null;
      },
      (error: unknown) => {
        if (generation !== this.generation || this.closed) return;
        this.active.delete(sha256);
        this.failedUpload(asset, error);
      },
    ).finally(() => {
      if (generation !== this.generation || this.closed) return;
      if (this.queue.length === 0 && this.active.size === 0) this.runTotal = this.runDone = 0;
      this.pump();
      this.emit();
    });
  }

  private failedUpload(asset: MediaAsset, error: unknown): void {
    const code = error instanceof HostError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    const back = () => {
      if (this.assets.has(asset.sha256)) this.queue.unshift(asset.sha256);
    };
    if (code === 'cancelled') return back();
    if (code === 'unauthorized') {
      this.refused = message;
      return back();
    }
    const tries = (this.attempts.get(asset.sha256) ?? 0) + (code === 'unreachable' ? 0 : 1);
    if (FINAL.has(code) || tries >= this.maxAttempts) {
      this.failed.set(asset.sha256, message);
      this.attempts.delete(asset.sha256);
      this.runTotal -= asset.sizeBytes;
      return;
    }
    this.attempts.set(asset.sha256, tries);
    if (code === 'unreachable') this.waitingMessage = message;
    back();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pump();
      this.emit();
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, this.retryMs.max);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private compute(): MediaSyncStatus {
    const pending = this.queue.length + this.active.size;
    const state: MediaSyncStatus['state'] = !this.remote ? 'off'
      : this.refused ? 'refused'
      : this.paused ? 'paused'
      : this.active.size ? 'uploading'
      : this.queue.length ? 'waiting'
      : this.checking ? 'checking'
      : 'idle';
    let inFlight = 0;
    for (const [sha, job] of this.active) inFlight += (job.fraction ?? 0) * (this.assets.get(sha)?.sizeBytes ?? 0);
    const fraction = pending && this.runTotal > 0 ? Math.min((this.runDone + inFlight) / this.runTotal, 1) : null;
    const name = (sha: string) => this.assets.get(sha)?.fileName ?? 'file';
    return {
      state,
      files: this.assets.size,
      pending,
      fraction,
      uploads: [...this.active].map(([sha256, job]) => ({ sha256, fileName: name(sha256), fraction: job.fraction, message: job.message })),
      downloads: [...this.downloads].map(([sha256, job]) => ({ sha256, fileName: job.fileName, fraction: job.fraction, message: job.message })),
      failed: [...this.failed].map(([sha256, message]) => ({ sha256, fileName: name(sha256), message })),
      message: state === 'refused' ? this.refused
        : state === 'waiting' ? this.waitingMessage ?? (this.online ? null : 'The team server can’t be reached; files will upload when you’re back online.')
        : null,
    };
  }

  private emit(): void {
    this.current = this.compute();
    for (const listener of this.listeners) listener(this.current);
  }
}

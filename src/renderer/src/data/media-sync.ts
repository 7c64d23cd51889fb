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

export type MediaHost = Pick<HostApi, 'media-status' | 'media-upload' | 'media-download' | 'media-remote-status' | 'team-server-remember'>;

/**
 * Which teammates' files this laptop fetches by itself: every one ("all"), or
 * only those someone opens, previews, cuts or packs ("open"). Per laptop, not
 * synced: a small disk or a slow line is this computer's business.
 */
export type DownloadMode = 'all' | 'open';

/**
 * Where an asset's bytes are, as the Library shows it. `checking`: not here,
 * and the team server has not said yet (or cannot be reached). `unknown`: no
 * team server and not on this computer.
 */
export type AssetMediaState = 'local' | 'downloading' | 'remote' | 'missing' | 'checking' | 'unknown';

/** What the queue needs of an `assets` record. */
export interface MediaAsset {
  sha256: string;
  fileName: string;
  sizeBytes: number;
  /** Who added it (the record's `createdBy`), to say whose laptop a missing file is on. */
  addedBy?: string | null;
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

export interface MissingFile {
  sha256: string;
  fileName: string;
  addedBy: string | null;
}

/** Teammates' files coming to this computer. */
export interface IncomingStatus {
  mode: DownloadMode;
  /** Media files whose bytes are on this computer. */
  here: number;
  /** On the team server and not here (being fetched or not). */
  onServer: number;
  /** Not here and not on the team server: only on the laptop of whoever added them, if anywhere. */
  missing: MissingFile[];
  /** Not here, and the team server has not said yet whether it has them. */
  unknown: number;
  /** Fetched by themselves ("all media") since the queue was last empty: done of total, bytes fraction. */
  run: { done: number; total: number; fraction: number | null } | null;
  /** Files that would not come (a disk full, damaged on the way five times). */
  failed: FileProblem[];
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
  /** Absent in statuses made before downloads were counted (the "off" placeholder). */
  incoming?: IncomingStatus;
}

export interface MediaSyncOptions {
  memory?: UploadedMemory;
  /** Files sent at once: two keeps a slow uplink busy without starving the document sync. */
  concurrency?: number;
  /** Backoff between retries while the server is unreachable, doubling from `first` up to `max`. */
  retryMs?: { first: number; max: number };
  /** Tries for a file that fails for a reason other than the network (damaged on the way). */
  maxAttempts?: number;
  downloadMode?: DownloadMode;
  /**
   * How often files missing everywhere are asked about again (a teammate's laptop may come back
   * online and send them), and how often files this laptop sent are checked to still be on the
   * server (it sets aside a copy it finds damaged, and then needs it again).
   */
  recheckMs?: { missing: number; uploaded: number };
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
  /** Callers still waiting for it; when the last one gives up, so does the download (unless the background queue wants it). */
  waiting: number;
  background: boolean;
  /** Counted in "Downloading X of Y" (it was started by the background queue). */
  inRun: boolean;
  sizeBytes: number;
}

/** Failures that trying again cannot fix; the file waits until the user asks again. */
const FINAL = new Set(['too-large', 'not-found', 'invalid-input']);
const STATUS_BATCH = 1000;
const REMOTE_BATCH = 500;
/** A file the server did not have is asked about again after this, then twice as long each time. */
const FIRST_MISSING_ASK_MS = 2_000;
const NOT_CONNECTED = 'This workspace is not connected to a team server, so files from teammates can’t be fetched.';

const sameRemote = (a: Invite | null, b: Invite | null) =>
  a?.server === b?.server && a?.workspaceId === b?.workspaceId && a?.token === b?.token;

export class MediaSync {
  private readonly memory: UploadedMemory;
  private readonly concurrency: number;
  private readonly retryMs: { first: number; max: number };
  private readonly maxAttempts: number;
  private readonly recheckMs: { missing: number; uploaded: number };
  private mode: DownloadMode;

  private remote: Invite | null = null;
  /** Settles once the host knows the current remote's team server; every transfer waits for it. */
  private remembered: Promise<void> = Promise.resolve();
  /** Bumped whenever the remote changes: answers about the old one are dropped. */
  private generation = 0;
  private paused = false;
  private online = true;
  private refused: string | null = null;
  private closed = false;

  private assets = new Map<string, MediaAsset>();
  private uploaded = new Set<string>();
  /** Files the host has said are on this computer, and files it has said are not. */
  private here = new Set<string>();
  private notHere = new Set<string>();
  /** For files not here: whether the team server has them (absent: not asked yet, or no answer). */
  private serverHas = new Map<string, boolean>();
  /** When to ask the server again about a file it did not have, and the wait before that. */
  private missingAsk = new Map<string, { at: number; delay: number }>();
  private queue: string[] = [];
  private readonly active = new Map<string, Active>();
  private readonly downloads = new Map<string, Download>();
  /** Teammates' files to fetch by themselves ("all media"), in library order. */
  private downloadQueue: string[] = [];
  private downloadFailed = new Map<string, string>();
  private downloadAttempts = new Map<string, number>();
  private failed = new Map<string, string>();
  private attempts = new Map<string, number>();
  private checking = 0;
  private asking = 0;

  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private missingTimer: ReturnType<typeof setInterval> | null = null;
  private uploadedTimer: ReturnType<typeof setInterval> | null = null;
  private backoffMs: number;
  private waitingMessage: string | null = null;
  private runTotal = 0;
  private runDone = 0;
  private downRun = { files: 0, done: 0, bytes: 0, doneBytes: 0 };

  private readonly listeners = new Set<(status: MediaSyncStatus) => void>();
  private current: MediaSyncStatus;

  constructor(private readonly host: MediaHost, options: MediaSyncOptions = {}) {
    this.memory = options.memory ?? memoryInMemory();
    this.concurrency = options.concurrency ?? 2;
    this.retryMs = options.retryMs ?? { first: 2_000, max: 60_000 };
    this.maxAttempts = options.maxAttempts ?? 5;
    this.recheckMs = options.recheckMs ?? { missing: 30_000, uploaded: 15 * 60_000 };
    this.mode = options.downloadMode ?? 'all';
    this.backoffMs = this.retryMs.first;
    this.current = this.compute();
  }

  get status(): MediaSyncStatus {
    return this.current;
  }

  get downloadMode(): DownloadMode {
    return this.mode;
  }

  onStatus(listener: (status: MediaSyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Where a file's bytes are, for the Library; `fraction` while it is being fetched. */
  stateOf(sha256: string): { state: AssetMediaState; fraction: number | null } {
    const download = this.downloads.get(sha256);
    if (download && !this.here.has(sha256)) return { state: 'downloading', fraction: download.fraction };
    if (this.here.has(sha256)) return { state: 'local', fraction: null };
    if (!this.remote) return { state: 'unknown', fraction: null };
    const onServer = this.serverHas.get(sha256);
    return { state: onServer === true ? 'remote' : onServer === false ? 'missing' : 'checking', fraction: null };
  }

  /** The team server to use (the workspace's invite), or null when the workspace syncs with no one. */
  setRemote(invite: Invite | null): void {
    if (this.closed || sameRemote(this.remote, invite)) return;
    this.generation++;
    for (const { controller } of [...this.active.values(), ...this.downloads.values()]) controller.abort();
    this.active.clear();
    this.downloads.clear();
    this.clearRetry();
    this.remote = invite ? { server: invite.server, workspaceId: invite.workspaceId, token: invite.token } : null;
    // The host sends files only to a team server it was told about; the calls below name just the workspace.
    const remembering = this.remote ? this.host['team-server-remember'](this.remote) : null;
    this.remembered = remembering ? remembering.then(() => undefined) : Promise.resolve();
    // A refusal shows up on the first transfer, which waits for this; not left unhandled meanwhile.
    remembering?.catch(() => undefined);
    this.queue = [];
    this.checking = 0;
    this.asking = 0;
    this.here = new Set();
    this.notHere = new Set();
    this.serverHas = new Map();
    this.missingAsk = new Map();
    this.downloadQueue = [];
    this.downloadFailed = new Map();
    this.downloadAttempts = new Map();
    this.downRun = { files: 0, done: 0, bytes: 0, doneBytes: 0 };
    this.failed = new Map();
    this.attempts = new Map();
    this.refused = null;
    this.waitingMessage = null;
    this.runTotal = this.runDone = 0;
    this.uploaded = new Set(invite ? this.memory.load(this.memoryKey()) : []);
    this.startTimers();
    this.emit();
    if (invite) void this.consider([...this.assets.keys()]);
  }

  /** "all": fetch every teammate's file by itself; "open": only when something needs it. */
  setDownloadMode(mode: DownloadMode): void {
    if (this.closed || mode === this.mode) return;
    this.mode = mode;
    if (mode === 'all') {
      for (const [sha, has] of this.serverHas) if (has) this.enqueueDownload(sha);
    } else {
      // Files already on their way finish; the rest wait until someone opens them.
      this.downloadQueue = [];
      for (const download of this.downloads.values()) download.background = false;
      this.downRun = { files: 0, done: 0, bytes: 0, doneBytes: 0 };
      for (const [sha, download] of this.downloads) if (download.waiting === 0) this.downloads.get(sha)?.controller.abort();
    }
    this.pump();
    this.emit();
  }

  /** While paused nothing is sent or fetched by itself; files under way stop and go back to the front of the queue. */
  setPaused(paused: boolean): void {
    if (this.closed || paused === this.paused) return;
    this.paused = paused;
    if (paused) {
      for (const { controller } of this.active.values()) controller.abort();
      for (const download of this.downloads.values()) if (download.waiting === 0) download.controller.abort();
    }
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
    // Nor fetched.
    this.downloadQueue = this.downloadQueue.filter((sha) => next.has(sha));
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
    const retryDownloads = [...this.downloadFailed.keys()];
    this.downloadFailed.clear();
    this.downloadAttempts.clear();
    const unsure = [...this.notHere].filter((sha) => this.serverHas.get(sha) !== true);
    for (const sha of retryDownloads) if (this.serverHas.get(sha)) this.enqueueDownload(sha);
    this.pump();
    this.emit();
    if (unsure.length) void this.askServer(unsure);
  }

  /**
   * Makes sure a file's bytes are on this computer, fetching them from the
   * team server if needed (resuming where an earlier try stopped, hashed,
   * with progress). Callers asking for the same file share one download;
   * aborting `signal` stops waiting for it, and the download stops once
   * nobody waits for it any more.
   */
  ensureLocal(sha256: string, options: { fileName?: string; onProgress?: (progress: Progress) => void; signal?: AbortSignal } = {}): Promise<void> {
    if (options.signal?.aborted) return Promise.reject(new HostError('cancelled', 'Cancelled.'));
    const download = this.downloads.get(sha256) ?? this.startDownload(sha256, options.fileName, false);
    if (download === null) return this.withoutServer(sha256, options.fileName);
    download.waiting++;
    download.background = false;
    if (options.onProgress) download.listeners.add(options.onProgress);
    const { signal } = options;
    if (!signal) return download.promise;
    return new Promise<void>((resolve, reject) => {
      const giveUp = () => {
        download.waiting--;
        if (options.onProgress) download.listeners.delete(options.onProgress);
        if (download.waiting <= 0 && !download.background) download.controller.abort();
        reject(new HostError('cancelled', 'Cancelled.'));
      };
      signal.addEventListener('abort', giveUp, { once: true });
      download.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', giveUp));
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.clearRetry();
    this.stopTimers();
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

  private forgetUploaded(sha256s: string[]): void {
    if (!this.remote || !sha256s.some((sha) => this.uploaded.has(sha))) return;
    for (const sha of sha256s) this.uploaded.delete(sha);
    this.memory.save(this.memoryKey(), [...this.uploaded]);
  }

  /** No team server: a file here is fine; one that is not cannot come from anywhere. */
  private async withoutServer(sha256: string, fileName?: string): Promise<void> {
    const { present } = await this.host['media-status']({ sha256s: [sha256] });
    if (present.includes(sha256)) return;
    const name = fileName ?? this.assets.get(sha256)?.fileName;
    throw new HostError('not-available', name ? `“${name}” is not on this computer. ${NOT_CONNECTED}` : NOT_CONNECTED);
  }

  private startDownload(sha256: string, fileName: string | undefined, background: boolean): Download | null {
    const remote = this.remote;
    if (this.closed || !remote) return null;
    const asset = this.assets.get(sha256);
    const name = fileName ?? asset?.fileName ?? 'file';
    const controller = new AbortController();
    const download: Download = {
      controller, fileName: name, fraction: 0, message: `Downloading ${name}…`, listeners: new Set(),
      promise: Promise.resolve(), waiting: 0, background, inRun: background, sizeBytes: asset?.sizeBytes ?? 0,
    };
    const generation = this.generation;
    const current = () => generation === this.generation && !this.closed;
    download.promise = this.remembered.then(() => this.host['media-download']({ sha256, workspaceId: remote.workspaceId, fileName: name }, {
      signal: controller.signal,
      onProgress: (progress) => {
        download.fraction = progress.fraction;
        download.message = progress.message;
        download.listeners.forEach((l) => l(progress));
        if (current()) this.emit();
      },
    })).then(
      () => {
        if (!current()) return;
        // It came from the server (or was here), so the server need not be sent it; and it is here now.
        if (this.serverHas.get(sha256)) this.rememberUploaded(sha256);
        this.markHere(sha256);
        this.downloadAttempts.delete(sha256);
        if (download.inRun) {
          this.downRun.done++;
          this.downRun.doneBytes += download.sizeBytes;
        }
      },
      (error: unknown) => {
        if (current()) this.failedDownload(sha256, download, error);
        throw error;
      },
    ).finally(() => {
      if (this.downloads.get(sha256) === download) this.downloads.delete(sha256);
      if (!current()) return;
      if (this.downloadQueue.length === 0 && ![...this.downloads.values()].some((d) => d.inRun)) this.downRun = { files: 0, done: 0, bytes: 0, doneBytes: 0 };
      this.pump();
      this.emit();
    });
    // Nobody may be waiting (the background queue): a failure is recorded above, not left unhandled.
    download.promise.catch(() => undefined);
    this.downloads.set(sha256, download);
    this.downloadQueue = this.downloadQueue.filter((sha) => sha !== sha256);
    this.emit();
    return download;
  }

  private failedDownload(sha256: string, download: Download, error: unknown): void {
    const code = error instanceof HostError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    const requeue = this.mode === 'all' && this.serverHas.get(sha256) === true && download.inRun;
    // Leaves this run for good (a requeued file stays counted in it).
    const leaveRun = () => {
      if (!download.inRun) return;
      this.downRun.files = Math.max(0, this.downRun.files - 1);
      this.downRun.bytes -= download.sizeBytes;
    };
    if (code === 'not-found') {
      leaveRun();
      // Not on the server (never sent, or set aside as damaged there): missing everywhere until someone sends it.
      this.markMissing(sha256);
      return;
    }
    if (code === 'cancelled' || code === 'unauthorized' || code === 'unreachable') {
      if (code === 'unauthorized') this.refused = message;
      if (code === 'unreachable') {
        this.waitingMessage = message;
        this.scheduleRetry();
      }
      if (requeue) this.downloadQueue.unshift(sha256);
      else leaveRun();
      return;
    }
    const tries = (this.downloadAttempts.get(sha256) ?? 0) + 1;
    if (tries >= this.maxAttempts || !requeue) {
      leaveRun();
      this.downloadFailed.set(sha256, message);
      this.downloadAttempts.delete(sha256);
      return;
    }
    this.downloadAttempts.set(sha256, tries);
    this.downloadQueue.push(sha256);
  }

  /**
   * Not on the server. Most often the teammate's upload is simply still under
   * way (the record travels in milliseconds, the bytes take longer), so it is
   * asked about again soon, then less and less often, up to `recheckMs.missing`.
   */
  private markMissing(sha256: string): void {
    this.serverHas.set(sha256, false);
    const delay = Math.min((this.missingAsk.get(sha256)?.delay ?? FIRST_MISSING_ASK_MS / 2) * 2, this.recheckMs.missing);
    this.missingAsk.set(sha256, { delay, at: Date.now() + delay });
  }

  private markHere(sha256: string): void {
    this.here.add(sha256);
    this.notHere.delete(sha256);
    this.serverHas.delete(sha256);
    this.missingAsk.delete(sha256);
    this.downloadFailed.delete(sha256);
  }

  /**
   * Asks the host which of these files are here: those not yet on the server
   * are queued to go up; the others are a teammate's, and the server is asked
   * whether it has them. With `recheckUploaded`, files this laptop remembers
   * sending are checked to still be on the server.
   */
  private async consider(shas: string[]): Promise<void> {
    const generation = this.generation;
    const fresh = shas.filter((sha) => !this.here.has(sha) && !this.notHere.has(sha) && !this.queue.includes(sha) && !this.active.has(sha) && !this.failed.has(sha));
    if (!this.remote || fresh.length === 0) return;
    this.checking++;
    this.emit();
    const missing: string[] = [];
    const sentBefore: string[] = [];
    try {
      for (let i = 0; i < fresh.length; i += STATUS_BATCH) {
        const answer = await this.host['media-status']({ sha256s: fresh.slice(i, i + STATUS_BATCH) });
        if (generation !== this.generation || this.closed) return;
        for (const sha of answer.missing) {
          if (this.here.has(sha)) continue;
          this.notHere.add(sha);
          missing.push(sha);
        }
        for (const sha of answer.present) {
          this.here.add(sha);
          if (this.uploaded.has(sha)) sentBefore.push(sha);
          else if (this.assets.has(sha)) this.enqueue(sha);
        }
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
    if (missing.length) await this.askServer(missing);
    // Sent in an earlier session: still there? (Checked once per session, then now and then.)
    if (sentBefore.length) await this.recheckUploaded(sentBefore);
  }

  /** Whether the team server has these files (not here); in "all media", those it has are fetched. */
  private async askServer(shas: string[]): Promise<void> {
    const remote = this.remote;
    const generation = this.generation;
    if (!remote || this.closed) return;
    this.asking++;
    this.emit();
    try {
      for (let i = 0; i < shas.length; i += REMOTE_BATCH) {
        await this.remembered;
        const { onServer, notOnServer } = await this.host['media-remote-status']({ sha256s: shas.slice(i, i + REMOTE_BATCH), workspaceId: remote.workspaceId });
        if (generation !== this.generation || this.closed) return;
        for (const sha of notOnServer) if (!this.here.has(sha)) this.markMissing(sha);
        for (const sha of onServer) {
          if (this.here.has(sha)) continue;
          this.serverHas.set(sha, true);
          this.missingAsk.delete(sha);
          if (this.mode === 'all') this.enqueueDownload(sha);
        }
        this.pump();
        this.emit();
      }
    } catch (error) {
      if (generation !== this.generation || this.closed) return;
      const code = error instanceof HostError ? error.code : 'internal';
      if (code === 'unauthorized') this.refused = (error as Error).message;
      // Unreachable: the files stay "not known yet"; coming back online asks again.
    } finally {
      if (generation === this.generation) this.asking--;
      this.emit();
    }
  }

  /**
   * Files this laptop sent are remembered as being on the server. The server
   * sets aside a copy it finds damaged and then answers 404: such files are
   * forgotten and sent again. Cheap (a HEAD each), so at every open and now
   * and then.
   */
  private async recheckUploaded(only?: string[]): Promise<void> {
    const remote = this.remote;
    const generation = this.generation;
    const mine = (only ?? [...this.uploaded]).filter((sha) => this.uploaded.has(sha) && this.here.has(sha) && this.assets.has(sha));
    if (!remote || mine.length === 0) return;
    try {
      for (let i = 0; i < mine.length; i += REMOTE_BATCH) {
        await this.remembered;
        const { notOnServer } = await this.host['media-remote-status']({ sha256s: mine.slice(i, i + REMOTE_BATCH), workspaceId: remote.workspaceId });
        if (generation !== this.generation || this.closed) return;
        if (notOnServer.length === 0) continue;
        this.forgetUploaded(notOnServer);
        for (const sha of notOnServer) this.enqueue(sha);
        this.pump();
        this.emit();
      }
    } catch {
      // Unreachable or refused: the next check (or the next open) asks again.
    }
  }

  private enqueue(sha256: string): void {
    if (this.queue.includes(sha256) || this.active.has(sha256)) return;
    this.queue.push(sha256);
    this.runTotal += this.assets.get(sha256)?.sizeBytes ?? 0;
  }

  private enqueueDownload(sha256: string): void {
    if (this.here.has(sha256) || this.downloads.has(sha256) || this.downloadQueue.includes(sha256) || this.downloadFailed.has(sha256)) return;
    this.downloadQueue.push(sha256);
    this.downRun.files++;
    this.downRun.bytes += this.assets.get(sha256)?.sizeBytes ?? 0;
  }

  private pump(): void {
    if (this.closed || !this.remote || this.paused || this.refused || !this.online || this.retryTimer) return;
    while (this.active.size < this.concurrency && this.queue.length) this.upload(this.queue.shift()!);
    // Fetching by itself takes its own two lanes: a teammate's big video must not hold up sending yours.
    const backgroundCount = () => [...this.downloads.values()].filter((d) => d.background).length;
    while (this.mode === 'all' && this.downloadQueue.length && backgroundCount() < this.concurrency) {
      const sha = this.downloadQueue.shift()!;
      if (this.here.has(sha) || this.downloads.has(sha)) continue;
      this.startDownload(sha, undefined, true);
    }
  }

  private upload(sha256: string): void {
    const remote = this.remote!;
    const generation = this.generation;
    const asset = this.assets.get(sha256) ?? { sha256, fileName: 'file', sizeBytes: 0 };
    const job: Active = { controller: new AbortController(), fraction: 0, message: `Uploading ${asset.fileName}…` };
    this.active.set(sha256, job);
    this.emit();
    this.remembered.then(() => this.host['media-upload']({ sha256, workspaceId: remote.workspaceId, fileName: asset.fileName }, {
      signal: job.controller.signal,
      onProgress: (progress) => {
        job.fraction = progress.fraction;
        job.message = progress.message;
        this.emit();
      },
    })).then(
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

  private startTimers(): void {
    this.stopTimers();
    if (!this.remote) return;
    // Ticks often; each missing file is asked about on its own schedule (see markMissing).
    this.missingTimer = setInterval(() => {
      if (this.paused || !this.online || this.refused) return;
      const now = Date.now();
      const due = [...this.missingAsk].filter(([sha, ask]) => ask.at <= now && this.serverHas.get(sha) === false && this.assets.has(sha)).map(([sha]) => sha);
      if (due.length) void this.askServer(due);
    }, Math.max(50, Math.min(FIRST_MISSING_ASK_MS, this.recheckMs.missing)));
    this.uploadedTimer = setInterval(() => {
      if (!this.paused && this.online && !this.refused) void this.recheckUploaded();
    }, this.recheckMs.uploaded);
  }

  private stopTimers(): void {
    if (this.missingTimer) clearInterval(this.missingTimer);
    if (this.uploadedTimer) clearInterval(this.uploadedTimer);
    this.missingTimer = this.uploadedTimer = null;
  }

  private computeIncoming(): IncomingStatus {
    let onServer = 0;
    let unknown = 0;
    const missing: MissingFile[] = [];
    for (const [sha, asset] of this.assets) {
      if (this.here.has(sha) || !this.notHere.has(sha)) continue;
      const has = this.serverHas.get(sha);
      if (has === true || this.downloads.has(sha)) onServer++;
      else if (has === false) missing.push({ sha256: sha, fileName: asset.fileName, addedBy: asset.addedBy ?? null });
      else unknown++;
    }
    let inFlight = 0;
    for (const download of this.downloads.values()) if (download.background) inFlight += (download.fraction ?? 0) * download.sizeBytes;
    const run = this.downRun.files > 0
      ? { done: this.downRun.done, total: this.downRun.files, fraction: this.downRun.bytes > 0 ? Math.min((this.downRun.doneBytes + inFlight) / this.downRun.bytes, 1) : null }
      : null;
    const name = (sha: string) => this.assets.get(sha)?.fileName ?? 'file';
    return {
      mode: this.mode,
      here: [...this.assets.keys()].filter((sha) => this.here.has(sha)).length,
      onServer, missing, unknown, run,
      failed: [...this.downloadFailed].map(([sha256, message]) => ({ sha256, fileName: name(sha256), message })),
    };
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
      downloads: [...this.downloads].filter(([sha256]) => !this.here.has(sha256))
        .map(([sha256, job]) => ({ sha256, fileName: job.fileName, fraction: job.fraction, message: job.message })),
      failed: [...this.failed].map(([sha256, message]) => ({ sha256, fileName: name(sha256), message })),
      message: state === 'refused' ? this.refused
        : state === 'waiting' ? this.waitingMessage ?? (this.online ? null : 'The team server can’t be reached; files will upload when you’re back online.')
        : null,
      incoming: this.remote ? this.computeIncoming() : undefined,
    };
  }

  private emit(): void {
    this.current = this.compute();
    for (const listener of this.listeners) listener(this.current);
  }
}

/**
 * For a document (PDF, report) whose render said some pictures are not on
 * this computer (`missingImages`): fetches them from the team server. Resolves
 * with how many arrived, so the caller renders again only when it helps. A
 * picture that cannot come (missing everywhere, offline) stays out, as the
 * render already says; the document is never held up by it.
 */
export async function fetchMissingMedia(media: MediaSync | null, sha256s: readonly string[], signal?: AbortSignal): Promise<number> {
  if (!media || sha256s.length === 0) return 0;
  const settled = await Promise.allSettled([...new Set(sha256s)].map((sha256) => media.ensureLocal(sha256, { signal })));
  return settled.filter((s) => s.status === 'fulfilled').length;
}

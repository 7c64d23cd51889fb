import { createReadStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaTransfer, Progress } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import { blobRequest, networkProblem, readServerMessage, statusProblem, type TeamRemote } from './blob-http';
import { byteProgress } from './byte-progress';
import type { MediaStore } from './media-store';

export interface TransferOptions {
  /** For messages; the store and the server know files only by hash. */
  fileName?: string;
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** How long an upload waits for the server's "100 Continue" before sending anyway. */
const CONTINUE_WAIT_MS = 1_000;

const labelOf = (sha256: string, fileName?: string) => fileName?.trim() || `file ${sha256.slice(0, 8)}`;

/**
 * Sends a stored file to the team server. Asks first (HEAD): a file the
 * server has already (a teammate added the same clip, or an earlier try got
 * through) is not sent again.
 */
export async function uploadMedia(store: MediaStore, remote: TeamRemote, sha256: string, options: TransferOptions = {}): Promise<MediaTransfer> {
  const { signal } = options;
  const label = labelOf(sha256, options.fileName);
  const size = await store.sizeOf(sha256);
  if (size === null) throw new HostError('not-found', `“${label}” is no longer on this computer, so it can’t be uploaded.`);

  try {
    const head = await blobRequest(remote, sha256, { method: 'HEAD', signal });
    head.resume();
    if (head.statusCode === 200) {
      options.onProgress?.({ fraction: 1, message: `${label} is already on the team server` });
      return { sha256, sizeBytes: size, transferred: false };
    }
    if (head.statusCode !== 404) throw statusProblem(head.statusCode ?? 0, null, 'upload', label);

    const progress = byteProgress(options.onProgress, 'Uploading', label, size);
    progress.update(0);
    let sent = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sent += chunk.length;
        progress.update(sent);
        done(null, chunk);
      },
    });
    const res = await blobRequest(remote, sha256, {
      method: 'PUT',
      signal,
      // The server may refuse at once (too big, invite revoked); it then hangs up, and bytes already
      // in flight would turn its plain answer into a connection reset. So: headers first, body on "go ahead".
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': size, Expect: '100-continue' },
      body: (req) => {
        let started = false;
        const start = () => {
          if (started || req.destroyed) return;
          started = true;
          // A failure while sending destroys the request, which reports it (unless the server has answered already).
          pipeline(createReadStream(store.pathOf(sha256), { highWaterMark: 1024 * 1024 }), counter, req).catch(() => undefined);
        };
        // A server or proxy that never says "go ahead" still gets the file.
        const timer = setTimeout(start, CONTINUE_WAIT_MS);
        req.once('continue', start);
        req.once('response', () => clearTimeout(timer));
        req.once('close', () => clearTimeout(timer));
        req.flushHeaders();
      },
    });
    if (res.statusCode === 200 || res.statusCode === 201) {
      res.resume();
      progress.finish(size);
      return { sha256, sizeBytes: size, transferred: true };
    }
    // Sending again would not help if it is this computer's copy that does not match its name.
    if (res.statusCode === 422 && (await store.check(sha256)) === 'damaged') {
      res.resume();
      throw new HostError('not-found', `The copy of “${label}” on this computer is damaged, so it can’t be uploaded. Add the file again from its original.`);
    }
    throw statusProblem(res.statusCode ?? 0, await readServerMessage(res), 'upload', label);
  } catch (error) {
    throw networkProblem(error, 'upload', signal);
  }
}

/** A line that drops mid-download is picked up again at once this many times, each from where it stopped. */
const RESUME_TRIES = 3;
const RESUME_PAUSE_MS = 300;

/** One download per file per store: a second caller waits for the first and finds the file here. */
const downloading = new Map<string, Promise<unknown>>();

/**
 * Fetches a file from the team server into the store. The bytes go to a part
 * file named by the hash; a dropped connection is resumed from where it
 * stopped (HTTP Range), at once a few times and later from the part file
 * (after a restart too). The whole file is hashed once it is complete; only a
 * file whose hash matches its name is kept. A cancel leaves nothing behind.
 */
export async function downloadMedia(store: MediaStore, remote: TeamRemote, sha256: string, options: TransferOptions = {}): Promise<MediaTransfer> {
  const key = `${store.root}|${sha256}`;
  for (;;) {
    const running = downloading.get(key);
    if (!running) break;
    await running.catch(() => undefined);
    options.signal?.throwIfAborted();
  }
  const work = downloadOnce(store, remote, sha256, options);
  downloading.set(key, work);
  try {
    return await work;
  } finally {
    if (downloading.get(key) === work) downloading.delete(key);
  }
}

async function downloadOnce(store: MediaStore, remote: TeamRemote, sha256: string, options: TransferOptions): Promise<MediaTransfer> {
  const { signal } = options;
  const label = labelOf(sha256, options.fileName);
  // Read back, not just looked up: a damaged copy under this name is fetched again and replaced.
  if ((await store.check(sha256)) === 'intact') {
    await store.discardPart(sha256);
    options.onProgress?.({ fraction: 1, message: `${label} is already on this computer` });
    return { sha256, sizeBytes: (await store.sizeOf(sha256)) ?? 0, transferred: false };
  }
  let progress: ReturnType<typeof byteProgress> | null = null;
  let restartedWhole = false;
  for (let attempt = 0; ; attempt++) {
    const offset = await store.partSize(sha256);
    let arrived = false;
    try {
      const res = await blobRequest(remote, sha256, { method: 'GET', signal, headers: offset > 0 ? { Range: `bytes=${offset}-` } : {} });
      if (res.statusCode === 416) {
        // What is kept is as long as the file or longer: it can't be the start of it. Start over.
        res.resume();
        await store.discardPart(sha256);
        if (restartedWhole) throw statusProblem(416, null, 'download', label);
        restartedWhole = true;
        continue;
      }
      if (res.statusCode !== 200 && res.statusCode !== 206) throw statusProblem(res.statusCode ?? 0, await readServerMessage(res), 'download', label);
      // A server without ranges answers the whole file (200): then it is written from the start.
      const from = res.statusCode === 206 ? offset : 0;
      const total = totalOf(res, from);
      progress ??= byteProgress(options.onProgress, 'Downloading', label, total);
      progress.update(from);
      try {
        const written = await store.writePart(sha256, markArrival(res, () => (arrived = true)), from, { signal, onBytes: (done) => progress!.update(done) });
        progress.finish(written.sizeBytes);
        return { sha256, sizeBytes: written.sizeBytes, transferred: true };
      } finally {
        res.destroy();
      }
    } catch (error) {
      const problem = networkProblem(error, 'download', signal);
      // Bytes kept from before and the new ones did not make the file: the old ones may be what was wrong.
      if (problem.code === 'damaged' && offset > 0 && !restartedWhole) {
        restartedWhole = true;
        continue;
      }
      // The line dropped after bytes came through: pick up from where it stopped.
      if (problem.code === 'unreachable' && arrived && attempt < RESUME_TRIES && !signal?.aborted) {
        await new Promise((resolve) => setTimeout(resolve, RESUME_PAUSE_MS));
        continue;
      }
      throw problem;
    }
  }
}

/** The whole file's size: from `Content-Range` (".../total") on a resumed answer, else `Content-Length`. */
function totalOf(res: IncomingMessage, from: number): number | null {
  const range = /\/(\d+)$/.exec(String(res.headers['content-range'] ?? ''));
  if (range) return Number(range[1]);
  const declared = Number(res.headers['content-length']);
  return Number.isFinite(declared) && declared >= 0 ? from + declared : null;
}

async function* markArrival(source: AsyncIterable<Buffer>, onFirst: () => void): AsyncIterable<Buffer> {
  for await (const chunk of source) {
    onFirst();
    yield chunk;
  }
}

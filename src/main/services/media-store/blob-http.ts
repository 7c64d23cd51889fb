import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { HostError } from '../../../shared/api/errors';
import { blobUrlOf } from '../../../shared/sync/server-url';

/** The team server an invite points at; its token opens the workspace's files. */
export interface TeamRemote {
  server: string;
  token: string;
}

/** No byte in either direction for this long means the connection is dead, whatever the OS thinks. */
const IDLE_TIMEOUT_MS = 30_000;

export interface BlobRequest {
  method: 'GET' | 'HEAD' | 'PUT';
  signal?: AbortSignal;
  headers?: Record<string, string | number>;
  /** Writes the request body and ends the request; without it the request is sent empty. */
  body?: (req: ClientRequest) => void;
}

/**
 * One request to `/blobs/<sha256>`. Resolves with the response as soon as
 * its head arrives, even while the body is still being sent: the server
 * answers a too-big upload with 413 straight away and then hangs up.
 */
export function blobRequest(remote: TeamRemote, sha256: string, options: BlobRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const url = new URL(blobUrlOf(remote.server, sha256));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: options.method,
      headers: { Authorization: `Bearer ${remote.token}`, ...options.headers },
      signal: options.signal,
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      resolve(res);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy(Object.assign(new Error('The team server stopped answering.'), { code: 'ETIMEDOUT' })));
    if (options.body) options.body(req);
    else req.end();
  });
}

/** The server's own one-sentence reason (`{ "error": "…" }`), if it gave one. */
export async function readServerMessage(res: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > 16 * 1024) break;
      chunks.push(chunk);
    }
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: unknown };
    return typeof parsed.error === 'string' ? parsed.error : null;
  } catch {
    return null;
  } finally {
    res.destroy();
  }
}

export type Direction = 'upload' | 'download';

export const INVITE_NOT_VALID =
  'Your invite to the team server is no longer valid, so media files can’t be sent or fetched. Ask a teammate for a new invite.';

const UNREACHABLE: Record<Direction, string> = {
  upload: 'The team server can’t be reached; the file will upload when you’re back online.',
  download: 'The team server can’t be reached, so this file can’t be fetched right now. Try again when you’re back online.',
};

const CERTIFICATE_CODES = /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;

/** Turns a network failure into the sentence a marketer sees; a cancel stays a cancel. */
export function networkProblem(error: unknown, direction: Direction, signal?: AbortSignal): HostError {
  if (error instanceof HostError) return error;
  if (signal?.aborted || (error as Error)?.name === 'AbortError') return new HostError('cancelled', 'Cancelled.');
  const code = String((error as NodeJS.ErrnoException)?.code ?? '');
  if (CERTIFICATE_CODES.test(code)) {
    return new HostError('unreachable', 'This computer does not trust the team server’s security certificate, so files can’t travel. Ask whoever runs the server to check its certificate.');
  }
  return new HostError('unreachable', UNREACHABLE[direction]);
}

/** Turns an answer other than success into the sentence a marketer sees. */
export function statusProblem(status: number, serverMessage: string | null, direction: Direction, fileName: string): HostError {
  if (status === 401 || status === 403) return new HostError('unauthorized', INVITE_NOT_VALID);
  if (status === 404 && direction === 'download') {
    return new HostError('not-found', 'This file hasn’t been uploaded by your teammate yet. It will be here once their Fanfare is back online.');
  }
  if (status === 413) {
    // The server names its limit in brackets: "… than this server allows (2 GB)."
    const limit = /\(([^()]+)\)\.?$/.exec(serverMessage ?? '')?.[1];
    return new HostError('too-large', `“${fileName}” is larger than your team server accepts${limit ? ` (the limit is ${limit})` : ''}. Ask whoever runs the server to allow bigger files, or use a smaller version.`);
  }
  if (status === 422) return new HostError('damaged', 'The file arrived damaged at the team server; try again.');
  if (status === 507) {
    // Not this laptop's fault and not final: the queue keeps waiting, as for a server that is away.
    const what = direction === 'upload' ? `“${fileName}” can’t be uploaded yet` : `“${fileName}” can’t be fetched right now`;
    return new HostError('unreachable', `The team server’s disk is full, so ${what}. Ask whoever runs the server to free some space; Fanfare will try again.`);
  }
  const later = direction === 'upload' ? 'Fanfare will try again' : 'try again in a moment';
  return new HostError('unreachable', `The team server could not handle “${fileName}” right now (error ${status}); ${later}.`);
}

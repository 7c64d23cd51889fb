import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AccessStore } from './access-store';
import { BlobError, DAMAGED_SET_ASIDE, SHA256_HEX, formatBytes, type BlobStore, type ByteRange, type DamagedBlob } from './blob-store';
import type { Logger } from './logger';
import { remoteOf, sendError, sendJson, tokenFrom } from './http-util';

const DAMAGED_LOG =
  'A stored media file did not match its name and was moved to blobs/.damaged (kept for you to look at; delete it when done). It is stored again when a teammate’s app uploads it.';

/** `PUT/GET/HEAD /blobs/<sha256>`, with the same token as the documents. */
export async function handleBlobRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  { access, blobs, log }: { access: AccessStore; blobs: BlobStore; log: Logger },
): Promise<void> {
  const sha256 = url.pathname.slice('/blobs/'.length);
  access.refresh();
  const check = access.check(tokenFrom(req, url));
  if (!check.ok) {
    log({ event: 'refused', what: 'blob', reason: `token ${check.reason}`, tokenId: check.tokenId, remote: remoteOf(req), status: 401 });
    req.resume();
    sendError(res, 401, 'This invite is not valid on this server (missing, wrong or revoked). Ask for a new one.', { Connection: 'close' });
    return;
  }
  if (!SHA256_HEX.test(sha256)) {
    req.resume();
    sendError(res, 400, 'A file is addressed by its SHA-256: 64 lowercase hexadecimal characters.');
    return;
  }
  const { workspaceId, tokenId } = check;

  // Every damaged file found is set aside and told to the admin, with where it went.
  const onDamaged = ({ movedTo, reason }: DamagedBlob) =>
    log({ event: 'blob-damaged', tokenId, workspaceId, sha256, movedTo, reason, message: DAMAGED_LOG });

  if (req.method === 'GET' || req.method === 'HEAD') {
    req.resume();
    const asked = req.method === 'GET' ? parseRange(req.headers.range) : null;
    // HEAD is how uploaders decide to send a file: it must say 404 for a damaged one, so it is always checked first.
    // So is a range (a download resuming): the rest of a file can't be hashed on the way, so the whole is checked before.
    const check = req.method === 'GET' && !asked ? 'first-or-streaming' : 'first';
    const found = await blobs.open(workspaceId, sha256, { check, onDamaged });
    if (found.state !== 'found') {
      sendError(res, 404, found.state === 'damaged' ? DAMAGED_SET_ASIDE : 'This file is not on the server yet.');
      return;
    }
    const { file } = found;
    const headers = {
      'Content-Type': 'application/octet-stream',
      ETag: `"${sha256}"`,
      'Accept-Ranges': 'bytes',
      // The bytes behind a hash never change (and these were checked against it).
      'Cache-Control': 'private, max-age=31536000, immutable',
    };
    const range = asked ? rangeWithin(asked, file.size) : null;
    if (asked && !range) {
      await file.close();
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.size}`, 'Content-Length': '0' });
      res.end();
      return;
    }
    if (range) {
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`, 'Content-Length': String(range.end - range.start + 1) });
    } else {
      res.writeHead(200, { ...headers, 'Content-Length': String(file.size) });
    }
    if (req.method === 'HEAD') {
      await file.close();
      res.end();
      return;
    }
    // On any failure (bytes found wrong on the way, a read error, the client leaving) both ends are
    // destroyed: the answer stops short of its Content-Length, so no one takes it for the whole file.
    await pipeline(file.stream(range ?? undefined), res).catch(() => res.destroy());
    return;
  }

  if (req.method === 'PUT') {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > blobs.maxBytes) {
      log({ event: 'refused', what: 'blob', reason: 'too large', tokenId, workspaceId, status: 413, bytes: declared });
      // Answer first, then stop the upload: the client reads why instead of a reset.
      res.on('finish', () => req.destroy());
      sendError(res, 413, `The file is larger than this server allows (${formatBytes(blobs.maxBytes)}).`, { Connection: 'close' });
      return;
    }
    try {
      const created = await blobs.put(workspaceId, sha256, req, { onDamaged });
      log({ event: created ? 'blob-stored' : 'blob-exists', tokenId, workspaceId, sha256 });
      sendJson(res, created ? 201 : 200, { sha256, stored: true });
    } catch (error) {
      if (!(error instanceof BlobError)) throw error;
      log({ event: 'refused', what: 'blob', reason: error.message, tokenId, workspaceId, status: error.status });
      // Refused mid-way (too big, disk full): answer first, then stop the rest of the upload.
      if (!req.complete) res.on('finish', () => req.destroy());
      sendError(res, error.status, error.message, { Connection: 'close' });
    }
    return;
  }

  req.resume();
  sendError(res, 405, 'Files can only be uploaded (PUT) or downloaded (GET, HEAD).', { Allow: 'GET, HEAD, PUT' });
}

/** `Range: bytes=start-end`, `bytes=start-` or `bytes=-suffix`; one range only (what a resuming download asks). Anything else: the whole file. */
function parseRange(header: string | undefined): { start: number | null; end: number | null } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  return { start: match[1] === '' ? null : Number(match[1]), end: match[2] === '' ? null : Number(match[2]) };
}

/** The asked range clipped to the file, or null when none of it lies within the file (416). */
function rangeWithin(asked: { start: number | null; end: number | null }, size: number): ByteRange | null {
  if (asked.start === null) {
    // A suffix: the last N bytes.
    const length = Math.min(asked.end ?? 0, size);
    return length > 0 ? { start: size - length, end: size - 1 } : null;
  }
  if (asked.start >= size) return null;
  const end = asked.end === null ? size - 1 : Math.min(asked.end, size - 1);
  return end >= asked.start ? { start: asked.start, end } : null;
}

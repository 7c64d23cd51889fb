import { BACKUP_CHUNK_BYTES, type Progress, type StoredBackupInfo } from '../../../../shared/api/contract';
import {
  BACKUP_END, BACKUP_FORMAT_VERSION, backupFileName, encodeBackupStart, encodeSectionHead, readBackupIndex, readSection, sha256Hex,
  type BackupHeader, type BackupIndex, type BackupReason,
} from '../../../../shared/backup/backup-format';
import { newId } from '../../../../shared/data/ids';
import { collectionNames } from '../../../../shared/data/schemas';
import { CHUNK_BYTES } from '../../../../shared/media/library-contract';
import { host } from '../../host';
import { base64ToBytes, bytesToBase64, fileToBase64 } from '../../host/base64';
import { ydocDatabaseName } from '../engine/names';
import { allRichTextSaved } from '../rich-text/open-rich-text';
import { richTextDatabasePrefix } from '../rich-text/rich-text-doc';
import { addWorkspace, type WorkspaceEntry } from '../workspace-registry';
import type { WorkspaceSession } from '../workspace-session';
import { blobSource } from './blob-source';
import { collectInBackground, restoreInBackground } from './run-backup-work';
import { deleteDoc } from './y-indexeddb-files';

export type OnProgress = (progress: Progress) => void;

export interface MadeBackup {
  blob: Blob;
  header: BackupHeader;
  fileName: string;
  /** Media files the workspace names that are not on this computer (a teammate's, not downloaded yet): not in the backup. */
  mediaLeftOut: string[];
}

export interface MediaSummary {
  files: number;
  bytes: number;
}

/** The rich-text documents this computer holds for a workspace (brief bodies, notes), by document id. */
async function storedRichText(workspaceId: string): Promise<{ docId: string; database: string }[]> {
  if (typeof indexedDB.databases !== 'function') return [];
  const prefix = richTextDatabasePrefix(workspaceId);
  return (await indexedDB.databases())
    .map((d) => d.name)
    .filter((n): n is string => !!n && n.startsWith(prefix))
    .sort()
    .map((database) => ({ docId: database.slice(prefix.length), database }));
}

const SHA256_IN_TEXT = /[0-9a-f]{64}/g;

/**
 * Every media file the workspace's records name (trash included: restoring
 * brings the trash back too): the library's assets and the brand kit's logo.
 */
async function namedMedia(session: WorkspaceSession): Promise<{ sha256: string; name: string; sizeBytes: number }[]> {
  const assets = await session.projection.collections.assets.find().exec();
  const bySha = new Map<string, { sha256: string; name: string; sizeBytes: number }>();
  for (const doc of assets) {
    const asset = doc.toJSON() as { sha256?: string; fileName?: string; sizeBytes?: number };
    if (asset.sha256 && !bySha.has(asset.sha256)) bySha.set(asset.sha256, { sha256: asset.sha256, name: asset.fileName ?? asset.sha256, sizeBytes: asset.sizeBytes ?? 0 });
  }
  for (const doc of await session.projection.collections.settings.find({ selector: { kind: 'brand-kit' } }).exec()) {
    const logo = (doc.toJSON() as { data?: { logoSha256?: unknown } }).data?.logoSha256;
    if (typeof logo === 'string' && /^[0-9a-f]{64}$/.test(logo) && !bySha.has(logo)) bySha.set(logo, { sha256: logo, name: 'Brand logo', sizeBytes: 0 });
  }
  return [...bySha.values()];
}

/** Pictures placed in briefs and guides are named by SHA-256 inside their text documents: those this computer has. */
async function picturesInText(docs: { bytes: Uint8Array }[], known: Set<string>): Promise<{ sha256: string; name: string; sizeBytes: number }[]> {
  const candidates = new Set<string>();
  const latin1 = new TextDecoder('latin1');
  for (const doc of docs) for (const match of latin1.decode(doc.bytes).match(SHA256_IN_TEXT) ?? []) if (!known.has(match)) candidates.add(match);
  if (candidates.size === 0) return [];
  const { present } = await host['media-status']({ sha256s: [...candidates].slice(0, 5000) }).catch(() => ({ present: [] as string[] }));
  return present.map((sha256) => ({ sha256, name: 'Picture in a document', sizeBytes: 0 }));
}

/** What "include media files" would add, for the dialog to say. */
export async function mediaSummary(session: WorkspaceSession): Promise<MediaSummary> {
  const media = await namedMedia(session);
  return { files: media.length, bytes: media.reduce((n, m) => n + m.sizeBytes, 0) };
}

async function readMedia(sha256: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer> | null> {
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let total = Infinity;
  while (offset < total) {
    signal?.throwIfAborted();
    let piece: { data: string; totalBytes: number };
    try {
      piece = await host['library-read']({ sha256, offset, length: CHUNK_BYTES }, { signal });
    } catch (error) {
      if ((error as { code?: string }).code === 'not-found') return null;
      throw error;
    }
    total = piece.totalBytes;
    const bytes = base64ToBytes(piece.data);
    if (bytes.length === 0) break;
    pieces.push(bytes);
    offset += bytes.length;
  }
  const out = new Uint8Array(offset);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * One file with everything needed to bring a workspace back: the Y.Doc's
 * whole state (every record, deletion and change history), every rich-text
 * document on this computer, and, if asked, the media files. Pending edits
 * are saved first, so the backup holds what the screen shows.
 */
export async function makeBackup(
  session: WorkspaceSession | null, workspace: WorkspaceEntry,
  options: {
    includeMedia: boolean; reason: BackupReason; onProgress?: OnProgress; signal?: AbortSignal; now?: Date;
    /** The workspace's state as the data engine holds it (before a migration changes it); without it, what IndexedDB holds. */
    workspaceState?: Uint8Array;
  },
): Promise<MadeBackup> {
  const report = options.onProgress ?? (() => undefined);
  report({ fraction: 0, message: 'Saving what was just typed' });
  if (session && !options.workspaceState) {
    await session.caughtUp;
    await session.flush();
  }
  await allRichTextSaved();
  options.signal?.throwIfAborted();

  const records: Record<string, number> = {};
  if (session) for (const collection of collectionNames) records[collection] = await session.projection.collections[collection].count().exec();
  const richTextDocs = await storedRichText(workspace.id);
  const docsShare = options.includeMedia ? 0.5 : 0.95;
  const collected = await collectInBackground(
    { workspaceDatabase: options.workspaceState ? null : ydocDatabaseName(workspace.id), richText: richTextDocs },
    (fraction, message) => report({ fraction: 0.02 + fraction * docsShare, message }),
  );
  if (options.workspaceState) collected.workspace = { key: 'workspace', bytes: options.workspaceState, sha256: await sha256Hex(options.workspaceState) };
  options.signal?.throwIfAborted();

  const media: { sha256: string; name: string; bytes: Uint8Array }[] = [];
  const mediaLeftOut: string[] = [];
  if (options.includeMedia && session) {
    const fromRecords = await namedMedia(session);
    const named = [...fromRecords, ...await picturesInText(collected.richText, new Set(fromRecords.map((m) => m.sha256)))];
    const totalBytes = named.reduce((n, m) => n + m.sizeBytes, 0) || 1;
    let doneBytes = 0;
    for (const [i, file] of named.entries()) {
      report({ fraction: 0.52 + (0.46 * doneBytes) / totalBytes, message: `Copying media files (${i + 1} of ${named.length}): ${file.name}` });
      const bytes = await readMedia(file.sha256, options.signal);
      doneBytes += file.sizeBytes;
      // A file missing here, or whose bytes are not what its name says, is left out and named, never passed on.
      if (!bytes || await sha256Hex(bytes) !== file.sha256) {
        mediaLeftOut.push(file.name);
        continue;
      }
      media.push({ sha256: file.sha256, name: file.name, bytes });
    }
  }

  const now = options.now ?? new Date();
  const header: BackupHeader = {
    format: 'fanfare-workspace-backup', version: BACKUP_FORMAT_VERSION, workspace: { id: workspace.id, name: workspace.name },
    createdAt: now.toISOString(), reason: options.reason, appVersion: await host['app-info']({}).then((i) => i.version, () => null),
    counts: { richText: collected.richText.length, media: media.length, records },
    includesMedia: options.includeMedia, mediaBytes: media.reduce((n, m) => n + m.bytes.length, 0),
  };
  const parts: BlobPart[] = [encodeBackupStart(header) as Uint8Array<ArrayBuffer>];
  const add = (kind: 'workspace' | 'rich-text' | 'media', key: string, bytes: Uint8Array, sha256: string, name?: string) => {
    parts.push(encodeSectionHead({ kind, key, size: bytes.length, sha256, ...(name !== undefined ? { name } : {}) }) as Uint8Array<ArrayBuffer>, bytes as Uint8Array<ArrayBuffer>);
  };
  add('workspace', 'workspace', collected.workspace.bytes, collected.workspace.sha256);
  for (const doc of collected.richText) add('rich-text', doc.key, doc.bytes, doc.sha256);
  for (const file of media) add('media', file.sha256, file.bytes, file.sha256, file.name);
  parts.push(BACKUP_END as Uint8Array<ArrayBuffer>);
  report({ fraction: 1, message: 'Backup ready' });
  return { blob: new Blob(parts, { type: 'application/octet-stream' }), header, fileName: backupFileName(workspace.name, now), mediaLeftOut };
}

/** Sends a backup to this computer's backups folder, in pieces. */
export async function keepInBackupsFolder(blob: Blob, onProgress?: OnProgress): Promise<StoredBackupInfo> {
  const uploadId = newId('bk');
  for (let offset = 0; ; offset += BACKUP_CHUNK_BYTES) {
    const last = offset + BACKUP_CHUNK_BYTES >= blob.size;
    onProgress?.({ fraction: Math.min(1, offset / blob.size), message: 'Keeping the backup on this computer' });
    const data = await fileToBase64(blob.slice(offset, offset + BACKUP_CHUNK_BYTES));
    const result = await host['backup-save']({ uploadId, offset, data, last });
    if (result.done) return result.backup;
  }
}

/** A backup from this computer's backups folder, as a file to restore. */
export async function fetchKeptBackup(id: string, onProgress?: OnProgress): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let total = Infinity;
  while (offset < total) {
    const piece = await host['backup-read']({ id, offset, length: BACKUP_CHUNK_BYTES });
    total = piece.totalBytes;
    const bytes = base64ToBytes(piece.data);
    if (bytes.length === 0) break;
    parts.push(bytes);
    offset += bytes.length;
    onProgress?.({ fraction: total ? offset / total : 1, message: 'Reading the backup' });
  }
  return new Blob(parts);
}

/** What a backup holds, read from its header and table of contents (quick, whatever its size). */
export function inspectBackup(file: Blob): Promise<BackupIndex> {
  return readBackupIndex(blobSource(file));
}

/**
 * Brings a backup back as a NEW workspace on this computer: a new id, never
 * linked to a team server, never written over an existing one. Media files
 * go into the media store first (each checked against its SHA-256); then the
 * records and documents are checked and written; only then does the
 * workspace appear in the list. A damaged file leaves nothing behind.
 */
export async function restoreBackup(file: Blob, name: string, onProgress?: OnProgress): Promise<WorkspaceEntry> {
  const report = onProgress ?? (() => undefined);
  report({ fraction: 0, message: 'Reading the backup' });
  const source = blobSource(file);
  const index = await readBackupIndex(source);
  const media = index.sections.filter((s) => s.kind === 'media');
  const mediaBytes = media.reduce((n, s) => n + s.size, 0) || 1;
  let done = 0;
  for (const [i, section] of media.entries()) {
    report({ fraction: (0.5 * done) / mediaBytes, message: `Restoring media files (${i + 1} of ${media.length}): ${section.name ?? section.key}` });
    const bytes = await readSection(source, section);
    const have = await host['media-status']({ sha256s: [section.key] }).then((s) => s.present.length > 0, () => false);
    if (!have) await uploadMedia(bytes, section.name ?? section.key, section.key);
    done += section.size;
  }
  const id = newId('ws');
  const share = media.length ? 0.5 : 0;
  await restoreInBackground(
    { file, workspaceId: id, workspaceDatabase: ydocDatabaseName(id), richTextPrefix: richTextDatabasePrefix(id) },
    (fraction, message) => report({ fraction: share + fraction * (1 - share) * 0.98, message }),
  );
  try {
    const entry = addWorkspace(name, false, id);
    report({ fraction: 1, message: 'Restored' });
    return entry;
  } catch (error) {
    await deleteDoc(ydocDatabaseName(id));
    throw error;
  }
}

async function uploadMedia(bytes: Uint8Array, name: string, sha256: string): Promise<void> {
  if (bytes.length === 0) return;
  const uploadId = newId('up');
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    await host['library-upload-chunk']({ uploadId, offset, data: bytesToBase64(bytes.subarray(offset, offset + CHUNK_BYTES)) });
  }
  // eslint-disable-next-line no-control-regex
  const fileName = name.replace(/[/\\\u0000-\u001f]/g, '-').slice(0, 255) || 'media';
  const stored = await host['library-upload-finish']({ uploadId, fileName, sizeBytes: bytes.length });
  if (stored.sha256 !== sha256) throw new Error(`The media file “${name}” did not arrive whole in the media store; try the restore again.`);
}

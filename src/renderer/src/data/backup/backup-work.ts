import * as Y from 'yjs';
import { readBackupIndex, readSection, sha256Hex, type SectionRef } from '../../../../shared/backup/backup-format';
import { blobSource } from './blob-source';
import { projectAll } from '../../../../shared/data/batches';
import { deleteSnapshot, saveSnapshot } from '../snapshot-store';
import { deleteDoc, readUpdates, writeFreshDoc } from './y-indexeddb-files';

/**
 * The heavy half of a backup and a restore: reading and merging a
 * workspace's updates, hashing them, and writing them back. It runs in a
 * worker (backup-worker.ts), so a 50,000-creator workspace never freezes the
 * screen; the same code runs on the UI thread where a worker cannot start.
 */

export interface StoredDoc {
  docId: string;
  database: string;
}

export interface CollectRequest {
  op: 'collect';
  /** Null when the caller has the workspace's state already (the engine's, before a migration). */
  workspaceDatabase: string | null;
  richText: StoredDoc[];
}

export interface CollectedDoc {
  key: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface CollectResult {
  workspace: CollectedDoc;
  richText: CollectedDoc[];
}

export interface RestoreRequest {
  op: 'restore';
  file: Blob;
  workspaceId: string;
  workspaceDatabase: string;
  richTextPrefix: string;
}

export type WorkRequest = CollectRequest | RestoreRequest;
export type WorkProgress = (fraction: number, message: string) => void;

/** A Y.Doc's stored updates as one, holding everything they held (deletions and history included). */
async function mergedDoc(database: string): Promise<Uint8Array> {
  const updates = await readUpdates(database);
  if (updates.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}

export async function collect(request: CollectRequest, progress: WorkProgress): Promise<CollectResult> {
  progress(0, 'Reading the workspace’s records and their history');
  const workspaceBytes = request.workspaceDatabase ? await mergedDoc(request.workspaceDatabase) : new Uint8Array();
  const workspace = { key: 'workspace', bytes: workspaceBytes, sha256: await sha256Hex(workspaceBytes) };
  const richText: CollectedDoc[] = [];
  for (const [i, doc] of request.richText.entries()) {
    if (i % 20 === 0) progress(0.5 + (0.5 * i) / request.richText.length, `Reading text documents (${i.toLocaleString()} of ${request.richText.length.toLocaleString()})`);
    const bytes = await mergedDoc(doc.database);
    richText.push({ key: doc.docId, bytes, sha256: await sha256Hex(bytes) });
  }
  progress(1, 'Read everything');
  return { workspace, richText };
}

/**
 * Checks every record and text part of a backup against its SHA-256 and only
 * then writes them into fresh databases; on any failure, what was written is
 * taken away again, so a damaged backup leaves no half workspace behind.
 */
export async function restoreDocs(request: RestoreRequest, progress: WorkProgress): Promise<{ richText: number }> {
  const source = blobSource(request.file);
  const index = await readBackupIndex(source);
  const docs = index.sections.filter((s) => s.kind !== 'media');
  const checked: { section: SectionRef; bytes: Uint8Array }[] = [];
  for (const [i, section] of docs.entries()) {
    if (i % 20 === 0) progress((0.5 * i) / docs.length, 'Checking the backup');
    checked.push({ section, bytes: await readSection(source, section) });
  }
  const written: string[] = [];
  try {
    for (const [i, { section, bytes }] of checked.entries()) {
      if (i % 20 === 0) progress(0.5 + (0.4 * i) / checked.length, section.kind === 'workspace' ? 'Writing the records and their history' : 'Writing text documents');
      const database = section.kind === 'workspace' ? request.workspaceDatabase : request.richTextPrefix + section.key;
      written.push(database);
      await writeFreshDoc(database, bytes);
    }
    // Without a snapshot the app would open the restored workspace by filling its list on the screen's
    // thread (seconds of frozen screen at 50,000 creators); made here, it opens like any other.
    progress(0.9, 'Preparing the restored workspace to open');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, checked.find((c) => c.section.kind === 'workspace')!.bytes);
    await saveSnapshot(request.workspaceId, Y.encodeSnapshot(Y.snapshot(doc)), projectAll(doc));
    doc.destroy();
  } catch (error) {
    await Promise.all(written.map(deleteDoc));
    await deleteSnapshot(request.workspaceId).catch(() => undefined);
    throw error;
  }
  progress(1, 'Restored the records');
  return { richText: checked.length - 1 };
}

export function runWork(request: WorkRequest, progress: WorkProgress): Promise<CollectResult | { richText: number }> {
  return request.op === 'collect' ? collect(request, progress) : restoreDocs(request, progress);
}

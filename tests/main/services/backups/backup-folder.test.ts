import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createHostHandlers, createInProcessHost } from '../../../../src/main/handlers';
import { BackupFolder } from '../../../../src/main/services/backups/backup-folder';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import { BACKUP_CHUNK_BYTES } from '../../../../src/shared/api/contract';
import { bytesOfSource, encodeBackup, readBackupIndex, readSection, type BackupHeader, type BackupReason } from '../../../../src/shared/backup/backup-format';
import { mountSmallDisk, type SmallDisk } from '../../../support/small-disk';

const dirs: string[] = [];
let disk: SmallDisk | null = null;
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  disk?.unmount();
  disk = null;
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-backups-'));
  dirs.push(dir);
  return dir;
}

async function backupFile(reason: BackupReason, createdAt: string, workspaceId = 'ws_acme', padding = 0): Promise<Uint8Array> {
  const doc = new Y.Doc();
  doc.getMap('creators').set('c1', 'Zoë');
  if (padding) doc.getMap('pad').set('p', randomBytes(padding).toString('base64'));
  const header: BackupHeader = {
    format: 'fanfare-workspace-backup', version: 1, workspace: { id: workspaceId, name: 'Acme Beauty' }, createdAt, reason, appVersion: null,
    counts: { richText: 0, media: 0, records: { creators: 1 } }, includesMedia: false, mediaBytes: 0,
  };
  const parts = await encodeBackup(header, [{ kind: 'workspace', key: 'workspace', bytes: Y.encodeStateAsUpdate(doc) }]);
  return Buffer.concat(parts);
}

/** Sends a file the way the renderer does: base64 pieces in order, the last one marked. */
async function upload(host: ReturnType<typeof createInProcessHost>, bytes: Uint8Array, chunk = BACKUP_CHUNK_BYTES) {
  const uploadId = `up_${randomBytes(6).toString('hex')}`;
  for (let offset = 0; ; offset += chunk) {
    const piece = bytes.subarray(offset, offset + chunk);
    const last = offset + chunk >= bytes.length;
    const result = await host['backup-save']({ uploadId, offset, data: Buffer.from(piece).toString('base64'), last });
    if (last) return result;
  }
}

describe('the automatic backups folder', () => {
  it('keeps a backup sent in pieces, lists it, reads it back whole, and keeps it private (0600 in a 0700 folder)', async () => {
    const data = tempDir();
    const host = createInProcessHost(createHostHandlers({ mediaStore: new MediaStore(join(data, 'media')) }));
    const bytes = await backupFile('daily', '2026-12-06T09:30:00.000Z', 'ws_acme', 9_000_000);
    expect(bytes.length).toBeGreaterThan(2 * BACKUP_CHUNK_BYTES);
    const saved = await upload(host, bytes);
    expect(saved.done).toBe(true);
    const { backups, folder } = await host['backup-list']({ workspaceId: 'ws_acme' });
    expect(folder).toBe(join(data, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ sizeBytes: bytes.length, header: { reason: 'daily', workspace: { name: 'Acme Beauty' } } });
    expect(statSync(join(folder, backups[0].id)).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);

    const pieces: Buffer[] = [];
    for (let offset = 0; offset < bytes.length; offset += BACKUP_CHUNK_BYTES) {
      const piece = await host['backup-read']({ id: backups[0].id, offset, length: BACKUP_CHUNK_BYTES });
      expect(piece.totalBytes).toBe(bytes.length);
      pieces.push(Buffer.from(piece.data, 'base64'));
    }
    const back = Buffer.concat(pieces);
    expect(back.equals(Buffer.from(bytes))).toBe(true);
    const index = await readBackupIndex(bytesOfSource(back));
    await readSection(bytesOfSource(back), index.sections[0]);

    await host['backup-delete']({ id: backups[0].id });
    expect((await host['backup-list']({})).backups).toEqual([]);
  });

  it('refuses a backup that did not arrive whole and keeps nothing of it', async () => {
    const folder = new BackupFolder(join(tempDir(), 'backups'));
    const bytes = await backupFile('daily', '2026-12-06T09:30:00.000Z');
    await expect(folder.save({ uploadId: 'cut-short-1', offset: 0, bytes: bytes.subarray(0, bytes.length - 10), last: true }))
      .rejects.toThrow(/did not arrive whole, so it was not kept: This backup file is incomplete/);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 8] ^= 0xff;
    await expect(folder.save({ uploadId: 'damaged-01', offset: 0, bytes: damaged, last: true })).rejects.toThrow(/does not match its fingerprint/);
    await expect(folder.save({ uploadId: 'gap-000001', offset: 0, bytes: bytes.subarray(0, 10), last: false })).resolves.toEqual({ receivedBytes: 10 });
    await expect(folder.save({ uploadId: 'gap-000001', offset: 20, bytes: bytes.subarray(20), last: true })).rejects.toThrow(/out of order \(expected byte 10, got 20\)/);
    expect(await folder.list()).toEqual([]);
    expect(readdirSync(join(folder.root, '.incoming'))).toEqual([]);
  });

  it('prunes to 7 daily, 4 weekly and the last 5 before a big change, per workspace; files it cannot read are listed out, never deleted', async () => {
    const folder = new BackupFolder(join(tempDir(), 'backups'));
    for (let n = 0; n < 20; n++) {
      const at = new Date(Date.UTC(2026, 11, 31 - n, 9)).toISOString();
      await folder.save({ uploadId: `daily-${String(n).padStart(4, '0')}`, offset: 0, bytes: await backupFile('daily', at), last: true });
    }
    for (let n = 0; n < 7; n++) {
      const at = new Date(Date.UTC(2026, 11, 31, 10, n)).toISOString();
      await folder.save({ uploadId: `before-${String(n).padStart(4, '0')}`, offset: 0, bytes: await backupFile('before-import', at), last: true });
    }
    await folder.save({ uploadId: 'other-ws-01', offset: 0, bytes: await backupFile('daily', '2026-01-01T00:00:00.000Z', 'ws_other'), last: true });
    writeFileSync(join(folder.root, 'not-mine.fanfare-backup'), 'hello');
    const kept = await folder.list();
    const acme = kept.filter((b) => b.header.workspace.id === 'ws_acme');
    expect(acme.filter((b) => b.header.reason === 'daily')).toHaveLength(7 + 3); // 20 days reach back only three weeks further
    expect(acme.filter((b) => b.header.reason === 'before-import').map((b) => b.header.createdAt.slice(11, 16))).toEqual(['10:06', '10:05', '10:04', '10:03', '10:02']);
    expect(kept.filter((b) => b.header.workspace.id === 'ws_other')).toHaveLength(1);
    expect(readdirSync(folder.root)).toContain('not-mine.fanfare-backup');
  });

  it('says the disk is full, in words, and keeps no half backup (a real full tmpfs)', async () => {
    disk = mountSmallDisk(4 * 1024 * 1024);
    const root = join(disk.dir, 'backups');
    mkdirSync(root);
    const folder = new BackupFolder(root);
    const bytes = await backupFile('daily', '2026-12-06T09:30:00.000Z', 'ws_acme', 6_000_000);
    await expect(folder.save({ uploadId: 'too-big-0001', offset: 0, bytes, last: true })).rejects.toThrow(`The backup could not be saved: the disk holding ${root} is full. Free some space, then try again.`);
    expect(readdirSync(join(root, '.incoming'))).toEqual([]);
    expect(await folder.list()).toEqual([]);
  });
});

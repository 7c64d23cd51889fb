import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceFile } from '../../../src/main/services/durable-file';
import { mountSmallDisk, type SmallDisk } from '../../support/small-disk';

describe('replaceFile', () => {
  let disk: SmallDisk | null = null;
  const dirs: string[] = [];
  afterEach(() => {
    disk?.unmount();
    disk = null;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('puts the new bytes in place, readable by the owner only, with no temporary file left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-replace-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'link.txt');
    await replaceFile(file, new TextEncoder().encode('first\n'));
    await replaceFile(file, new TextEncoder().encode('second\n'));
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['link.txt']);
  });

  it('keeps the old file whole when the disk is full, and leaves no half-written one', async () => {
    disk = mountSmallDisk(1024 * 1024);
    const file = join(disk.dir, 'team-servers.json');
    writeFileSync(file, '{"old":true}');
    disk.fill(0);
    await expect(replaceFile(file, new Uint8Array(512 * 1024).fill(65))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(file, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(disk.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

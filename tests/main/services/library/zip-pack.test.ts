import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../../../src/main/services/library/zip-pack';

const root = mkdtempSync(join(tmpdir(), 'fanfare-zip64-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeZip', () => {
  it('holds a pack over 4 GB (ZIP64), which Python’s zipfile reads entry by entry', async () => {
    // A sparse 4.3 GB cut (no disk filled to make it; the pack itself is written for real), then a small one that starts past 4 GiB.
    const first = join(root, 'first.mp4');
    const second = join(root, 'second.mp4');
    truncateSync(writeFileAndReturn(first), 4_300_000_000);
    writeFileSync(second, Buffer.from('ftyp-second-cut'));
    const target = join(root, 'pack', 'Big pack.zip');
    const done: number[] = [];
    const { sizeBytes } = await writeZip(target, [{ name: 'a/first.mp4', path: first }, { name: 'b/Zoë 夏.mp4', path: second }], (i) => done.push(i));
    expect(done).toEqual([0, 1]);
    expect(sizeBytes).toBeGreaterThan(2 ** 32);
    const read = execFileSync('python3', ['-c', [
      'import json,sys,zipfile',
      'z=zipfile.ZipFile(sys.argv[1])',
      'i=z.infolist()',
      // The second entry starts past 4 GB: reading its first bytes needs the ZIP64 offset.
      'print(json.dumps({"names":[x.filename for x in i],"sizes":[x.file_size for x in i],"offset":i[1].header_offset,"start":z.open(i[1]).read(15).decode()}))',
    ].join('\n'), target], { encoding: 'utf8' });
    expect(JSON.parse(read)).toEqual({ names: ['a/first.mp4', 'b/Zoë 夏.mp4'], sizes: [4_300_000_000, 15], offset: expect.any(Number), start: 'ftyp-second-cut' });
    expect(JSON.parse(read).offset).toBeGreaterThan(2 ** 32);
  }, 300_000);

  it('stops when cancelled, mid-way', async () => {
    const big = join(root, 'big.mp4');
    truncateSync(writeFileAndReturn(big), 500_000_000);
    const controller = new AbortController();
    const target = join(root, 'cancelled', 'pack.zip');
    await expect(writeZip(target, [{ name: 'one.mp4', path: big }, { name: 'two.mp4', path: big }], () => controller.abort(), controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  }, 120_000);
});

function writeFileAndReturn(path: string): string {
  writeFileSync(path, '');
  return path;
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small file system for fault tests: a tmpfs the test mounts (CI runs
 * as root), so "the disk is full" is the kernel's ENOSPC, not a mock.
 */
export interface SmallDisk {
  /** Where it is mounted. */
  readonly dir: string;
  /** Bytes free right now. */
  free(): number;
  /** Fills the disk with a ballast file until only `leaveBytes` (rounded to the page size) are free. */
  fill(leaveBytes?: number): void;
  /** Deletes the ballast: the space comes back. */
  release(): void;
  unmount(): void;
}

export function mountSmallDisk(sizeBytes: number): SmallDisk {
  if (process.getuid?.() !== 0) {
    throw new Error('Fault tests mount a small tmpfs and must run as root (as CI does).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0755`, 'tmpfs', dir]);
  const ballast = join(dir, '.ballast');
  let mounted = true;
  const free = () => {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  };
  return {
    dir,
    free,
    fill(leaveBytes = 0) {
      const toWrite = free() - leaveBytes;
      if (toWrite <= 0) return;
      try {
        writeFileSync(ballast, Buffer.alloc(toWrite), { flag: 'a' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    },
    release() {
      if (existsSync(ballast)) unlinkSync(ballast);
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

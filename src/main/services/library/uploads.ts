import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaFile, Progress } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import { importMedia } from './import-media';
import type { MediaStore } from '../media-store/media-store';
import type { MediaToolsOptions } from '../media-tools';

/**
 * A browser tab has no file paths, so the web host receives a file in
 * pieces (`library-upload-chunk`), in order, into `<uploads>/<id>/data`,
 * and `library-upload-finish` moves it into the media store under its own
 * name. The desktop app skips this: it hands over the path.
 */
export class Uploads {
  constructor(private readonly dir: string, private readonly store: MediaStore, private readonly tools: MediaToolsOptions = {}) {}

  private dataPath(id: string) {
    return join(this.dir, id, 'data');
  }

  async append(id: string, offset: number, base64: string): Promise<number> {
    const path = this.dataPath(id);
    const have = await stat(path).then((s) => s.size, () => null);
    if (have === null && offset !== 0) throw new HostError('invalid-input', 'This upload was interrupted; add the file again.');
    if (have !== null && have !== offset) {
      throw new HostError('invalid-input', `A piece of this file arrived out of order (expected byte ${have}, got ${offset}); add the file again.`);
    }
    if (have === null) await mkdir(join(this.dir, id), { recursive: true });
    const bytes = Buffer.from(base64, 'base64');
    await appendFile(path, bytes);
    return offset + bytes.length;
  }

  async finish(id: string, fileName: string, sizeBytes: number, options: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {}): Promise<MediaFile> {
    const folder = join(this.dir, id);
    try {
      const have = await stat(this.dataPath(id)).then((s) => s.size, () => (sizeBytes === 0 ? -1 : null));
      if (have === -1) throw new HostError('invalid-input', `“${fileName}” is empty, so there is nothing to add.`);
      if (have === null || have !== sizeBytes) {
        throw new HostError('invalid-input', `Only part of “${fileName}” arrived (${have ?? 0} of ${sizeBytes} bytes); add it again.`);
      }
      // Named as the person named it, so the library shows the original file name.
      const named = join(folder, 'named');
      await mkdir(named, { recursive: true });
      const path = join(named, fileName);
      await rename(this.dataPath(id), path);
      return await importMedia(this.store, path, { ...options, mediaTools: this.tools });
    } finally {
      await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

// y-leveldb ships types, but its package.json "exports" hides them from
// TypeScript's bundler resolution. These are the parts the server uses.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';

  export class LeveldbPersistence {
    constructor(location: string, options?: { Level?: unknown; levelOptions?: object });
    getYDoc(docName: string): Promise<Y.Doc>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    flushDocument(docName: string): Promise<void>;
    destroy(): Promise<void>;
  }
}

// y-leveldb ships types, but its package.json "exports" hides them from
// TypeScript's bundler resolution. These are the parts the server and its tests use.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';

  /** How y-leveldb turns ['v1', room, 'update', clock] and the like into LevelDB keys. */
  export const keyEncoding: {
    encode(key: Array<string | number>): Buffer;
    decode(key: Uint8Array): Array<string | number>;
  };

  export class LeveldbPersistence {
    constructor(location: string, options?: { Level?: unknown; levelOptions?: object });
    getYDoc(docName: string): Promise<Y.Doc>;
    getStateVector(docName: string): Promise<Uint8Array>;
    getAllDocNames(): Promise<string[]>;
    getMetas(docName: string): Promise<Map<string, unknown>>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    flushDocument(docName: string): Promise<void>;
    destroy(): Promise<void>;
  }
}

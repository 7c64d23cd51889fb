// What the bench drives, bundled for Node: the real sync server, the real host (media store, handlers)
// and the renderer's media queue (free of the DOM).
export { createSyncServer } from '../../sync-server/server';
export { createHostHandlers, createInProcessHost } from '../../src/main/handlers';
export { MediaStore } from '../../src/main/services/media-store/media-store';
export { MediaSync } from '../../src/renderer/src/data/media-sync';

// What the first-sync benchmark's laptops need from the app, bundled for plain Node by run.mjs.
export { WorkspaceStore } from '../../src/shared/data/store';
export { generateDemoWorkspace } from '../../src/shared/demo/generate';
export { loadDemoRecords } from '../../src/shared/demo/load';
export { splitUpdate } from '../../src/shared/sync/split-update';
export { sendInPieces, MAX_PIECE_BYTES } from '../../src/renderer/src/data/engine/piecewise-sync';

// What the benchmark's clients need from the app, bundled for plain Node by run.mjs.
export { WorkspaceStore } from '../../src/shared/data/store';
export { generateDemoWorkspace } from '../../src/shared/demo/generate';
export { loadDemoRecords } from '../../src/shared/demo/load';

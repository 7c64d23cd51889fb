// What the benchmark needs from the app, bundled for Node by run.mjs.
export { CutQueue } from '../../src/main/services/cut-jobs/cut-queue';
export { probeDetails } from '../../src/main/services/cut-jobs/probe-details';
export { MediaStore } from '../../src/main/services/media-store/media-store';
export { resolveTool } from '../../src/main/services/media-tools';
export { createLibraryHandlers } from '../../src/main/services/library/library-handlers';
export { buildCutArgs, cropRect } from '../../src/shared/media/cut-plan';
export { builtInPresets } from '../../src/shared/media/channel-presets';

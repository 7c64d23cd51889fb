/// <reference lib="webworker" />
import { DataEngine } from './engine';
import type { EngineRequest } from './protocol';

// The data engine's home: a dedicated worker, so the Y.Doc loads and saves off the UI thread.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new DataEngine((event) => scope.postMessage(event));

scope.onmessage = async (message: MessageEvent<EngineRequest>) => {
  scope.postMessage(await engine.handle(message.data));
};
scope.postMessage({ event: 'ready' });

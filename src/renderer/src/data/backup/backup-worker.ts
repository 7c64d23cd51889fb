/// <reference lib="webworker" />
import { runWork, type CollectResult, type WorkRequest } from './backup-work';

// Backups read, merge and hash tens of megabytes: here, off the screen's thread.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (message: MessageEvent<WorkRequest>) => {
  // Says at once that it is alive: the page falls back to its own thread only when a worker never starts.
  scope.postMessage({ progress: { fraction: 0, message: 'Starting' } });
  try {
    const value = await runWork(message.data, (fraction, text) => scope.postMessage({ progress: { fraction, message: text } }));
    const transfer = 'workspace' in value
      ? [(value as CollectResult).workspace.bytes.buffer, ...(value as CollectResult).richText.map((d) => d.bytes.buffer)]
      : [];
    // Each merged update owns its buffer, so it moves to the page without a copy; a shared one is copied.
    scope.postMessage({ ok: true, value }, { transfer: [...new Set(transfer)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer) });
  } catch (error) {
    scope.postMessage({ ok: false, error: { name: (error as Error)?.name ?? 'Error', message: (error as Error)?.message ?? String(error) } });
  }
};

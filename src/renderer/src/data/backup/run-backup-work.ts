import type { CollectRequest, CollectResult, RestoreRequest, WorkProgress, WorkRequest } from './backup-work';

const WORKER_START_TIMEOUT_MS = 5_000;

function inWorker(request: WorkRequest, progress: WorkProgress): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module', name: 'fanfare-backup' });
    let started = false;
    const timer = setTimeout(() => {
      if (started) return;
      worker.terminate();
      reject(Object.assign(new Error('The backup worker did not start in time'), { name: 'WorkerUnavailable' }));
    }, WORKER_START_TIMEOUT_MS);
    worker.onerror = (event) => {
      clearTimeout(timer);
      worker.terminate();
      reject(Object.assign(new Error(event.message || 'The backup worker stopped'), { name: started ? 'Error' : 'WorkerUnavailable' }));
    };
    worker.onmessage = (message: MessageEvent<{ progress?: { fraction: number; message: string }; ok?: boolean; value?: unknown; error?: { name: string; message: string } }>) => {
      started = true;
      const data = message.data;
      if (data.progress) return progress(data.progress.fraction, data.progress.message);
      clearTimeout(timer);
      worker.terminate();
      if (data.ok) resolve(data.value);
      else reject(Object.assign(new Error(data.error?.message ?? 'The backup failed'), { name: data.error?.name ?? 'Error' }));
    };
    worker.postMessage(request);
  });
}

/** Runs in a worker; where the platform refuses one, on this thread (slower to the eye, same result). */
async function run(request: WorkRequest, progress: WorkProgress): Promise<unknown> {
  if (typeof Worker !== 'undefined') {
    try {
      return await inWorker(request, progress);
    } catch (error) {
      if ((error as Error).name !== 'WorkerUnavailable') throw error;
      console.warn('Fanfare is making the backup on the main thread: the backup worker could not start.', error);
    }
  }
  const { runWork } = await import('./backup-work');
  return runWork(request, progress);
}

export const collectInBackground = (request: Omit<CollectRequest, 'op'>, progress: WorkProgress) =>
  run({ op: 'collect', ...request }, progress) as Promise<CollectResult>;

export const restoreInBackground = (request: Omit<RestoreRequest, 'op'>, progress: WorkProgress) =>
  run({ op: 'restore', ...request }, progress) as Promise<{ richText: number }>;

import { CommandError, type CommandErrorCode } from '../../../../shared/data/command-error';
import type { EngineCalls, EngineEvent, EngineMessage, EngineMethod, EngineRequest, SerializedError } from './protocol';

type Promised<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never };
export type EngineApi = Promised<EngineCalls>;

export interface EngineClient {
  api: EngineApi;
  /** Where the engine runs: a worker, or this thread where workers are not available. */
  where: 'worker' | 'this-thread';
  onEvent(listener: (event: EngineEvent) => void): () => void;
  terminate(): void;
}

function reviveError(error: SerializedError): Error {
  if (error.name === 'CommandError') return new CommandError((error.code as CommandErrorCode | undefined) ?? 'invalid', error.message, error.fields ?? {});
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

function proxy(call: (method: EngineMethod, args: unknown[]) => Promise<unknown>): EngineApi {
  return new Proxy({} as EngineApi, {
    get: (_target, method: string) => (...args: unknown[]) => call(method as EngineMethod, args),
  });
}

const WORKER_START_TIMEOUT_MS = 5_000;

/** Starts the engine in a worker; falls back to this thread when the platform refuses the worker. */
export async function startEngine(): Promise<EngineClient> {
  if (typeof Worker !== 'undefined') {
    try {
      return await startWorker();
    } catch (error) {
      console.warn('Fanfare is keeping its data on the main thread: the data worker could not start.', error);
    }
  }
  return startInThread();
}

function startWorker(): Promise<EngineClient> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./data-worker.ts', import.meta.url), { type: 'module', name: 'fanfare-data' });
    const listeners = new Set<(event: EngineEvent) => void>();
    const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
    let nextId = 1;
    const timer = setTimeout(() => { worker.terminate(); reject(new Error('The data worker did not start in time')); }, WORKER_START_TIMEOUT_MS);
    worker.onerror = (event) => {
      clearTimeout(timer);
      reject(new Error(event.message || 'The data worker failed to load'));
    };
    worker.onmessage = (message: MessageEvent<EngineMessage>) => {
      const data = message.data;
      if ('event' in data) {
        if (data.event === 'ready') {
          clearTimeout(timer);
          worker.onerror = (event) => {
            listeners.forEach((l) => l({ event: 'error', message: event.message }));
            failAll(new Error(`Fanfare's data engine stopped: ${event.message || 'unknown error'}. Reload Fanfare; your saved work is safe.`));
          };
          resolve(client);
        } else listeners.forEach((l) => l(data));
        return;
      }
      const entry = pending.get(data.callId);
      pending.delete(data.callId);
      if (data.ok) entry?.resolve(data.value);
      else entry?.reject(reviveError(data.error));
    };
    // A dead worker answers nothing: fail what waits, and every later call, instead of hanging.
    let dead: Error | null = null;
    const failAll = (error: Error) => {
      dead = error;
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    };
    const client: EngineClient = {
      where: 'worker',
      api: proxy((method, args) => new Promise((res, rej) => {
        if (dead) return rej(dead);
        const callId = nextId++;
        pending.set(callId, { resolve: res, reject: rej });
        worker.postMessage({ callId, method, args } satisfies EngineRequest);
      })),
      onEvent: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
      terminate: () => {
        worker.terminate();
        failAll(new Error('This workspace is closed.'));
      },
    };
  });
}

async function startInThread(): Promise<EngineClient> {
  // Loaded only when needed: with a worker, this thread never holds the Y.Doc code.
  const { DataEngine } = await import('./engine');
  const listeners = new Set<(event: EngineEvent) => void>();
  const engine = new DataEngine((event) => queueMicrotask(() => listeners.forEach((l) => l(event))));
  let nextId = 1;
  return {
    where: 'this-thread',
    api: proxy(async (method, args) => {
      const response = await engine.handle({ callId: nextId++, method, args });
      if (response.ok) return response.value;
      throw reviveError(response.error);
    }),
    onEvent: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    terminate: () => void engine.close(),
  };
}

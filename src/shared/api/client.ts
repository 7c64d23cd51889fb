import { hostMethods, type CallOptions, type HostApi, type HostMethod, type HostOutputs } from './contract';

/** A transport only needs to move one call; the typed client is built on top. */
export type CallFn = (method: HostMethod, input: unknown, options?: CallOptions) => Promise<unknown>;

export function createHostClient(call: CallFn): HostApi {
  const api = {} as Record<HostMethod, unknown>;
  for (const method of hostMethods) {
    api[method] = (input: unknown, options?: CallOptions) =>
      call(method, input, options) as Promise<HostOutputs[typeof method]>;
  }
  return api as HostApi;
}

/** Wire format shared by the IPC and web transports (kept in ./wire so the preload can import it without zod). */
export { IPC_CALL_CHANNEL, IPC_PROGRESS_CHANNEL, type CallResult, type ProgressMessage } from './wire';

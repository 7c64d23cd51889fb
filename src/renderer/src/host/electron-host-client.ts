import { createHostClient } from '../../../shared/api/client';
import type { HostApi } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import { unwrapCallResult, type HostBridge } from '../../../shared/api/wire';

/**
 * Builds the typed API on this side of the bridge: errors must be created in
 * the page's own world to keep their code and per-field messages.
 */
export function connectElectronHost(bridge: HostBridge): HostApi {
  return createHostClient(async (method, input, options) => {
    const signal = options?.signal;
    if (signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
    let callId: string | null = null;
    const cancel = () => {
      if (callId) bridge.cancel(callId);
    };
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return unwrapCallResult(await bridge.call(method, input, options?.onProgress, (id) => {
        callId = id;
      }));
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  });
}

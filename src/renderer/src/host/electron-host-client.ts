import { createHostClient } from '../../../shared/api/client';
import type { HostApi } from '../../../shared/api/contract';
import { unwrapCallResult, type HostBridge } from '../../../shared/api/wire';

/**
 * Builds the typed API on this side of the bridge: errors must be created in
 * the page's own world to keep their code and per-field messages.
 */
export function connectElectronHost(bridge: HostBridge): HostApi {
  return createHostClient(async (method, input, options) =>
    unwrapCallResult(await bridge.call(method, input, options?.onProgress)));
}

import { createHostClient } from '../shared/api/client';
import type { HandlerContext, HostApi, HostHandlers, Progress } from '../shared/api/contract';
import { dispatch } from '../shared/api/dispatch';
import { getAppInfo } from './services/app-info';
import { probeMedia } from './services/media-probe';
import { checkMediaTools, type MediaToolsOptions } from './services/media-tools';
import type { SyncHost } from './services/sync-host';
import { HostError } from '../shared/api/errors';

export interface HostHandlerOptions {
  /** Electron passes app.getVersion(); plain Node reads package.json. */
  appVersion?: string;
  /** Where to look for ffmpeg; tests pin it, the app uses the environment. */
  mediaTools?: MediaToolsOptions;
  /** "Host sync on this computer"; absent where the app cannot host (then it says so). */
  syncHost?: SyncHost;
}

function requireSyncHost(host: SyncHost | undefined): SyncHost {
  if (!host) throw new HostError('not-available', 'Hosting team sync is not available in this version of Fanfare.');
  return host;
}

/** The one handler map every transport serves. Handlers get input already validated by dispatch. */
export function createHostHandlers(options: HostHandlerOptions = {}): HostHandlers {
  return {
    'app-info': async (_input, ctx) => getAppInfo(ctx.transport, { version: options.appVersion }),
    'media-tools-check': async (_input, ctx) =>
      checkMediaTools({ ...options.mediaTools, signal: ctx.signal, onProgress: (p) => ctx.progress(p) }),
    'media-probe': async (input, ctx) => probeMedia(input.path, { ...options.mediaTools, signal: ctx.signal }),
    'sync-host-share': async (input) => requireSyncHost(options.syncHost).share(input),
    'sync-host-status': async () => options.syncHost?.status() ?? { running: false, reach: null, port: null, addresses: [] },
    'sync-host-stop': async () => {
      const host = requireSyncHost(options.syncHost);
      await host.stop();
      return host.status();
    },
  };
}

/** The in-process transport: the same dispatch path as IPC and HTTP, without the wire. */
export function createInProcessHost(handlers: HostHandlers = createHostHandlers()): HostApi {
  return createHostClient((method, input, callOptions) => {
    const ctx: HandlerContext = {
      transport: 'in-process',
      progress: (progress: Progress) => callOptions?.onProgress?.(progress),
      signal: new AbortController().signal,
    };
    return dispatch(handlers, method, input, ctx);
  });
}

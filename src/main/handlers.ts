import { createHostClient } from '../shared/api/client';
import type { HandlerContext, HostApi, HostHandlers, Progress } from '../shared/api/contract';
import { dispatch } from '../shared/api/dispatch';
import { getAppInfo } from './services/app-info';
import { probeMedia } from './services/media-probe';
import { checkMediaTools, type MediaToolsOptions } from './services/media-tools';

export interface HostHandlerOptions {
  /** Electron passes app.getVersion(); plain Node reads package.json. */
  appVersion?: string;
  /** Where to look for ffmpeg; tests pin it, the app uses the environment. */
  mediaTools?: MediaToolsOptions;
}

/** The one handler map every transport serves. Handlers get input already validated by dispatch. */
export function createHostHandlers(options: HostHandlerOptions = {}): HostHandlers {
  return {
    'app-info': async (_input, ctx) => getAppInfo(ctx.transport, { version: options.appVersion }),
    'media-tools-check': async (_input, ctx) =>
      checkMediaTools({ ...options.mediaTools, signal: ctx.signal, onProgress: (p) => ctx.progress(p) }),
    'media-probe': async (input, ctx) => probeMedia(input.path, { ...options.mediaTools, signal: ctx.signal }),
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

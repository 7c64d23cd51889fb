import type { HandlerContext, HostHandlers } from '../shared/api/contract';
import { dispatch } from '../shared/api/dispatch';
import { HostError } from '../shared/api/errors';
import { IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL, IPC_PROGRESS_CHANNEL, toCallResult, type CallResult, type ProgressMessage } from '../shared/api/wire';
import { APP_HOST, APP_SCHEME } from './services/app-files';

/**
 * Just the parts of Electron this adapter touches, so tests can hand in a
 * stand-in and this file never imports 'electron'.
 */
export interface IpcSenderLike {
  send(channel: string, message: ProgressMessage): void;
  isDestroyed?(): boolean;
  once?(event: 'destroyed', listener: () => void): unknown;
}

export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
  sender: IpcSenderLike;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, request: unknown) => Promise<CallResult>): void;
  removeHandler?(channel: string): void;
  on?(channel: string, listener: (event: IpcInvokeEventLike, message: unknown) => void): unknown;
  removeListener?(channel: string, listener: (event: IpcInvokeEventLike, message: unknown) => void): unknown;
}

/**
 * Only our own page may call the host. Any other frame (a page someone
 * navigated to, an embedded site) is refused before the method is looked up.
 */
export function registerHostIpc(ipcMain: IpcMainLike, handlers: HostHandlers, isTrustedUrl: (url: string) => boolean): () => void {
  // One 'destroyed' listener per window, not per call: many calls at once would trip Node's listener-leak warning.
  // Calls by id per window: ids are only unique within the window that made them.
  const running = new WeakMap<IpcSenderLike, Map<string, AbortController>>();
  const track = (sender: IpcSenderLike, callId: string, controller: AbortController) => {
    let calls = running.get(sender);
    if (!calls) {
      const mine = new Map<string, AbortController>();
      calls = mine;
      running.set(sender, mine);
      // A closed window cannot use the answer; stop long media jobs for it.
      sender.once?.('destroyed', () => mine.forEach((c) => c.abort()));
    }
    calls.set(callId, controller);
    return () => calls.delete(callId);
  };
  const cancel = (event: IpcInvokeEventLike, callId: unknown) => {
    if (typeof callId !== 'string' || !isTrustedUrl(event.senderFrame?.url ?? '')) return;
    running.get(event.sender)?.get(callId)?.abort();
  };
  ipcMain.on?.(IPC_CANCEL_CHANNEL, cancel);

  ipcMain.handle(IPC_CALL_CHANNEL, async (event, request) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!frameUrl || !isTrustedUrl(frameUrl)) {
      return toCallResult(new HostError('forbidden', 'This page is not allowed to use Fanfare on this computer.'));
    }
    if (!isCallRequest(request)) {
      return toCallResult(new HostError('invalid-input', 'Fanfare received a request it does not understand.'));
    }
    const { callId, method, input } = request;
    const controller = new AbortController();
    const untrack = track(event.sender, callId, controller);
    const ctx: HandlerContext = {
      transport: 'electron',
      signal: controller.signal,
      progress: (progress) => {
        if (event.sender.isDestroyed?.()) return;
        event.sender.send(IPC_PROGRESS_CHANNEL, { callId, progress });
      },
    };
    try {
      return { ok: true, value: await dispatch(handlers, method, input, ctx) };
    } catch (error) {
      // A thrown Error crossing IPC keeps only its message; a result keeps code and fields.
      return toCallResult(error);
    } finally {
      untrack();
    }
  });
  return () => {
    ipcMain.removeHandler?.(IPC_CALL_CHANNEL);
    ipcMain.removeListener?.(IPC_CANCEL_CHANNEL, cancel);
  };
}

function isCallRequest(value: unknown): value is { callId: string; method: string; input: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.callId === 'string' && r.callId.length <= 200 && typeof r.method === 'string';
}

/**
 * Trusted = a page of app://fanfare, which serves nothing but the built
 * renderer (src/main/services/app-files.ts); or, in development, a page of the
 * electron-vite dev server instead (the window loads one or the other, never both).
 */
export function createTrustedUrlCheck(options: { devServerUrl?: string } = {}): (url: string) => boolean {
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : null;
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (devOrigin) return parsed.origin === devOrigin;
    // Node gives non-special schemes an opaque origin ("null"), so the parts are compared instead.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  };
}

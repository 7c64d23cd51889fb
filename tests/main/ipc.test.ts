import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHostHandlers } from '../../src/main/handlers';
import { createTrustedUrlCheck, registerHostIpc, type IpcInvokeEventLike } from '../../src/main/ipc';
import type { HostHandlers } from '../../src/shared/api/contract';
import { HostError } from '../../src/shared/api/errors';
import { IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL, IPC_PROGRESS_CHANNEL, type CallResult, type ProgressMessage } from '../../src/shared/api/wire';

const appUrl = 'app://fanfare/index.html';

/** A stand-in for ipcMain: it keeps the one handler so the test can invoke it like a renderer would. */
function fakeIpc() {
  const handlers = new Map<string, (event: IpcInvokeEventLike, request: unknown) => Promise<CallResult>>();
  const listeners = new Map<string, (event: IpcInvokeEventLike, message: unknown) => void>();
  const sender = { send: (_channel: string, _message: ProgressMessage) => undefined as void };
  return {
    ipcMain: {
      handle: (channel: string, fn: (event: IpcInvokeEventLike, request: unknown) => Promise<CallResult>) => void handlers.set(channel, fn),
      on: (channel: string, fn: (event: IpcInvokeEventLike, message: unknown) => void) => void listeners.set(channel, fn),
    },
    invoke(url: string | null, request: unknown) {
      const sent: { channel: string; message: ProgressMessage }[] = [];
      sender.send = (channel, message) => void sent.push({ channel, message });
      const event: IpcInvokeEventLike = { senderFrame: url === null ? null : { url }, sender };
      return handlers.get(IPC_CALL_CHANNEL)!(event, request).then((result) => ({ result, sent }));
    },
    /** What the preload sends when the page aborts a call (same window, same sender). */
    cancel(url: string, callId: string) {
      listeners.get(IPC_CANCEL_CHANNEL)!({ senderFrame: { url }, sender }, callId);
    },
  };
}

function setup(handlers: HostHandlers = createHostHandlers()) {
  const ipc = fakeIpc();
  registerHostIpc(ipc.ipcMain, handlers, createTrustedUrlCheck());
  return ipc;
}

describe('Electron IPC adapter', () => {
  it('answers our own page and tags the transport', async () => {
    const { result } = await setup().invoke(`${appUrl}#/campaigns`, { callId: 'c1', method: 'app-info', input: {} });
    expect(result).toMatchObject({ ok: true, value: { name: 'Fanfare', transport: 'electron' } });
  });

  it('pushes progress to the calling window with the call id', async () => {
    const { result, sent } = await setup().invoke(appUrl, { callId: 'c7', method: 'media-tools-check', input: {} });
    expect(result.ok).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.every((s) => s.channel === IPC_PROGRESS_CHANNEL && s.message.callId === 'c7')).toBe(true);
    expect(sent.map((s) => s.message.progress.message)).toEqual(expect.arrayContaining(['Checking ffmpeg…', 'Checking ffprobe…']));
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a local file', pathToFileURL('/tmp/evil.html').href],
    // The window used to load this; nothing may reach the host from file:// any more.
    ['the built page opened as a file', pathToFileURL('/opt/Fanfare/resources/app.asar/out/renderer/index.html').href],
    ['another app:// host', 'app://evil/index.html'],
    ['another scheme named like ours', 'apps://fanfare/index.html'],
    ['app:// with a port', 'app://fanfare:1/index.html'],
    ['app:// with a user', 'app://x@fanfare/index.html'],
    ['a URL that does not parse', 'not a url'],
    ['a frame without a URL', null],
  ])('refuses %s with "forbidden"', async (_label, url) => {
    const { result, sent } = await setup().invoke(url, { callId: 'c2', method: 'app-info', input: {} });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(sent).toEqual([]);
  });

  it('returns errors as results so code and fields survive IPC', async () => {
    const { result } = await setup().invoke(appUrl, { callId: 'c3', method: 'documents-store-file', input: { fileName: ' ', base64: 'AAAA' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('The file needs a name'), fields: { fileName: 'The file needs a name' } },
    });
    const unknown = await setup().invoke(appUrl, { callId: 'c4', method: 'format-disk', input: {} });
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const garbage = await setup().invoke(appUrl, 'not a request');
    expect(garbage.result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('stops a running call when its page cancels it, and only that call', async () => {
    // A handler that runs until it is stopped, like a long download.
    let signal: AbortSignal | undefined;
    const untilCancelled: HostHandlers['media-tools-check'] = (_input, ctx) => new Promise((_resolve, reject) => {
      signal = ctx.signal;
      ctx.signal.addEventListener('abort', () => reject(new HostError('cancelled', 'Cancelled.')));
    });
    const ipc = setup({ ...createHostHandlers(), 'media-tools-check': untilCancelled });
    const running = ipc.invoke(appUrl, { callId: 'c8', method: 'media-tools-check', input: {} });
    ipc.cancel(appUrl, 'c9');
    ipc.cancel('https://evil.example/', 'c8');
    const other = await ipc.invoke(appUrl, { callId: 'c10', method: 'app-info', input: {} });
    expect(other.result.ok).toBe(true);
    // Neither another id nor another page stopped it: a cancel acts on the call's signal as it arrives,
    // so reading the signal says it exactly, where racing a timer only hoped.
    expect(signal?.aborted).toBe(false);
    ipc.cancel(appUrl, 'c8');
    expect((await running).result).toEqual({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
  });

  it('trusts every page of app://fanfare, which serves only the built renderer', () => {
    const trusted = createTrustedUrlCheck();
    expect(trusted('app://fanfare/index.html#/campaigns')).toBe(true);
    expect(trusted('app://fanfare/')).toBe(true);
    expect(trusted('app://fanfare/creators?tab=posts')).toBe(true);
  });

  it('trusts the dev server origin only when one is configured, and then only it', () => {
    const dev = createTrustedUrlCheck({ devServerUrl: 'http://localhost:5173/' });
    expect(dev('http://localhost:5173/#/creators')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('app://fanfare/index.html')).toBe(false);
    expect(createTrustedUrlCheck()('http://localhost:5173/')).toBe(false);
  });
});

import { IPC_BEFORE_CLOSE_CHANNEL, IPC_READY_TO_CLOSE_CHANNEL } from '../shared/api/wire';

/** The parts of a BrowserWindow and ipcMain the handshake uses. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  webContents: { id: number; send(channel: string): void };
}

export interface CloseIpc {
  on(channel: string, listener: (event: { sender: { id: number } }) => void): unknown;
  removeListener(channel: string, listener: (event: { sender: { id: number } }) => void): unknown;
}

/** Long enough to write a big snapshot; short enough that quitting never feels stuck. */
export const CLOSE_WAIT_MS = 5_000;

/**
 * Closing a window first asks its page to save what is still pending
 * (the last keystrokes' IndexedDB writes, the snapshot), then closes once
 * the page says it is done, or after a few seconds whatever happens: a hung
 * page must never keep the app from quitting.
 */
export function guardClose(win: ClosableWindow, ipc: CloseIpc, waitMs = CLOSE_WAIT_MS): void {
  let state: 'open' | 'saving' | 'closing' = 'open';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const finish = () => {
    if (state === 'closing') return;
    state = 'closing';
    if (timer) clearTimeout(timer);
    ipc.removeListener(IPC_READY_TO_CLOSE_CHANNEL, onReady);
    if (!win.isDestroyed()) win.close();
  };
  const onReady = (event: { sender: { id: number } }) => {
    if (event.sender.id === win.webContents.id && state === 'saving') finish();
  };
  win.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'saving') return;
    state = 'saving';
    ipc.on(IPC_READY_TO_CLOSE_CHANNEL, onReady);
    timer = setTimeout(finish, waitMs);
    win.webContents.send(IPC_BEFORE_CLOSE_CHANNEL);
  });
}

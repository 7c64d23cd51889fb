import { IPC_BEFORE_CLOSE_CHANNEL, IPC_READY_TO_CLOSE_CHANNEL, type CloseReadiness } from '../shared/api/wire';

/** The parts of a BrowserWindow and ipcMain the handshake uses. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  webContents: { id: number; send(channel: string): void };
}

type ReadyListener = (event: { sender: { id: number } }, readiness?: unknown) => void;

export interface CloseIpc {
  on(channel: string, listener: ReadyListener): unknown;
  removeListener(channel: string, listener: ReadyListener): unknown;
}

/** Long enough to write a big snapshot; short enough that quitting never feels stuck. */
export const CLOSE_WAIT_MS = 5_000;

export interface GuardCloseOptions {
  waitMs?: number;
  /**
   * Asks the person whether to close although some changes are not saved
   * (a native dialog in the app; see unsavedCloseQuestion). Resolves true to
   * close anyway. Without it, the window closes as it always did.
   */
  askToCloseUnsaved?: (readiness: CloseReadiness) => Promise<boolean>;
  /** The person chose to keep the window open: a quit in progress is called off. */
  onKeptOpen?: () => void;
}

/** The question, with "Keep Fanfare open" first and the default (also what Escape picks). */
export function unsavedCloseQuestion(readiness: CloseReadiness) {
  const diskFull = readiness.problem === 'disk-full';
  return {
    type: 'warning' as const,
    title: 'Changes not saved',
    message: `Your latest changes are not saved on this computer yet (${diskFull ? 'the disk is full' : 'the browser storage refuses them'}). Close anyway and lose them?`,
    detail: diskFull
      ? 'Free some disk space (empty the bin, delete large downloads or videos you no longer need): Fanfare saves them on its own as soon as there is room, and the red message at the top of the window goes away. Then close Fanfare.'
      : 'Fanfare keeps trying to save them. Keep it open until the red message at the top of the window goes away, then close it.',
    buttons: ['Keep Fanfare open', 'Close anyway'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

function notSaved(readiness: unknown): CloseReadiness | null {
  const r = readiness as Partial<CloseReadiness> | null | undefined;
  if (!r || r.saved !== false) return null;
  return { saved: false, problem: r.problem === 'disk-full' || r.problem === 'refused' ? r.problem : null };
}

/**
 * Closing a window first asks its page to save what is still pending
 * (the last keystrokes' IndexedDB writes, the snapshot), then closes once
 * the page says it is done, or after a few seconds whatever happens: a hung
 * page must never keep the app from quitting. A page that answers that the
 * browser refuses to store some changes is not closed silently: the person
 * is asked, and keeping the window open is the default.
 */
export function guardClose(win: ClosableWindow, ipc: CloseIpc, options: GuardCloseOptions = {}): void {
  const waitMs = options.waitMs ?? CLOSE_WAIT_MS;
  let state: 'open' | 'saving' | 'asking' | 'closing' = 'open';
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stopWaiting = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    ipc.removeListener(IPC_READY_TO_CLOSE_CHANNEL, onReady);
  };
  const finish = () => {
    if (state === 'closing') return;
    state = 'closing';
    stopWaiting();
    if (!win.isDestroyed()) win.close();
  };
  const ask = async (readiness: CloseReadiness) => {
    state = 'asking';
    stopWaiting();
    const closeAnyway = await options.askToCloseUnsaved!(readiness).catch(() => false);
    if (closeAnyway) return finish();
    // Kept open: the next close asks the page again, which may have saved everything by then.
    state = 'open';
    options.onKeptOpen?.();
  };
  const onReady: ReadyListener = (event, readiness) => {
    if (event.sender.id !== win.webContents.id || state !== 'saving') return;
    const unsaved = notSaved(readiness);
    if (unsaved && options.askToCloseUnsaved && !win.isDestroyed()) void ask(unsaved);
    else finish();
  };
  win.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state !== 'open') return;
    state = 'saving';
    ipc.on(IPC_READY_TO_CLOSE_CHANNEL, onReady);
    timer = setTimeout(finish, waitMs);
    win.webContents.send(IPC_BEFORE_CLOSE_CHANNEL);
  });
}

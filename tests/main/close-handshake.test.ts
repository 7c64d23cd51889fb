import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { guardClose, unsavedCloseQuestion } from '../../src/main/close-handshake';
import { IPC_BEFORE_CLOSE_CHANNEL, IPC_READY_TO_CLOSE_CHANNEL, type CloseReadiness } from '../../src/shared/api/wire';

/** A window that emits 'close' like Electron's: cancellable, then destroyed. */
function windowLike(id: number) {
  const events = new EventEmitter();
  const sent: string[] = [];
  let destroyed = false;
  const win = {
    on: (event: 'close', listener: (e: { preventDefault(): void }) => void) => events.on(event, listener),
    close() {
      let prevented = false;
      events.emit('close', { preventDefault: () => { prevented = true; } });
      if (!prevented) destroyed = true;
    },
    isDestroyed: () => destroyed,
    webContents: { id, send: (channel: string) => sent.push(channel) },
  };
  return { win, sent, closed: () => destroyed };
}

describe('closing a window', () => {
  // The page's time to answer is a timer: fake clocks say exactly when it runs out, where a real sleep only hopes.
  afterEach(() => { vi.useRealTimers(); });

  it('asks the page to save first and closes once it says so', () => {
    const ipc = new EventEmitter();
    const { win, sent, closed } = windowLike(1);
    guardClose(win, ipc);
    win.close();
    expect(closed()).toBe(false);
    expect(sent).toEqual([IPC_BEFORE_CLOSE_CHANNEL]);
    win.close(); // a second click while saving changes nothing
    expect(sent).toHaveLength(1);
    ipc.emit(IPC_READY_TO_CLOSE_CHANNEL, { sender: { id: 2 } }); // another window's answer
    expect(closed()).toBe(false);
    ipc.emit(IPC_READY_TO_CLOSE_CHANNEL, { sender: { id: 1 } });
    expect(closed()).toBe(true);
    expect(ipc.listenerCount(IPC_READY_TO_CLOSE_CHANNEL)).toBe(0);
  });

  it('closes anyway when the page does not answer', () => {
    vi.useFakeTimers();
    const ipc = new EventEmitter();
    const { win, closed } = windowLike(1);
    guardClose(win, ipc, { waitMs: 20 });
    win.close();
    vi.advanceTimersByTime(19);
    expect(closed()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(closed()).toBe(true);
  });

  it('asks before closing when the page could not save everything, and keeps the window open by default', async () => {
    vi.useFakeTimers();
    const ipc = new EventEmitter();
    const { win, sent, closed } = windowLike(1);
    const asked: CloseReadiness[] = [];
    let answer: (closeAnyway: boolean) => void = () => undefined;
    let keptOpen = 0;
    guardClose(win, ipc, {
      waitMs: 20,
      askToCloseUnsaved: (readiness) => {
        asked.push(readiness);
        return new Promise((resolve) => { answer = resolve; });
      },
      onKeptOpen: () => { keptOpen += 1; },
    });
    win.close();
    ipc.emit(IPC_READY_TO_CLOSE_CHANNEL, { sender: { id: 1 } }, { saved: false, problem: 'disk-full' });
    expect(asked).toEqual([{ saved: false, problem: 'disk-full' }]);
    // The wait for the page is over: however long the person takes to answer, nothing closes by itself.
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(closed()).toBe(false);
    win.close(); // another click while the question is up
    expect(asked).toHaveLength(1);

    answer(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(closed()).toBe(false);
    expect(keptOpen).toBe(1);
    expect(ipc.listenerCount(IPC_READY_TO_CLOSE_CHANNEL)).toBe(0);

    // Closing again asks the page again; this time it asks and the person closes anyway.
    win.close();
    expect(sent).toEqual([IPC_BEFORE_CLOSE_CHANNEL, IPC_BEFORE_CLOSE_CHANNEL]);
    ipc.emit(IPC_READY_TO_CLOSE_CHANNEL, { sender: { id: 1 } }, { saved: false, problem: 'refused' });
    expect(asked[1]).toEqual({ saved: false, problem: 'refused' });
    answer(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(closed()).toBe(true);
  });

  it('closes without asking once everything is saved (or when the page says nothing about it)', () => {
    for (const readiness of [{ saved: true, problem: null }, null, undefined]) {
      const ipc = new EventEmitter();
      const { win, closed } = windowLike(1);
      let asked = 0;
      guardClose(win, ipc, { askToCloseUnsaved: async () => { asked += 1; return false; } });
      win.close();
      ipc.emit(IPC_READY_TO_CLOSE_CHANNEL, { sender: { id: 1 } }, readiness);
      expect(closed()).toBe(true);
      expect(asked).toBe(0);
    }
  });

  it('a dialog that fails keeps the window open rather than losing the changes', async () => {
    const ipc = new EventEmitter();
    const { win, closed } = windowLike(1);
    guardClose(win, ipc, { askToCloseUnsaved: () => Promise.reject(new Error('no dialog')) });
    win.close();
    ipc.emit(IPC_READY_TO_CLOSE_CHANNEL, { sender: { id: 1 } }, { saved: false, problem: 'disk-full' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closed()).toBe(false);
  });

  it('puts the question in plain words, with "Keep Fanfare open" first and the default', () => {
    const question = unsavedCloseQuestion({ saved: false, problem: 'disk-full' });
    expect(question.message).toBe('Your latest changes are not saved on this computer yet (the disk is full). Close anyway and lose them?');
    expect(question.buttons).toEqual(['Keep Fanfare open', 'Close anyway']);
    expect(question.defaultId).toBe(0);
    expect(question.cancelId).toBe(0);
    expect(unsavedCloseQuestion({ saved: false, problem: 'refused' }).message).toContain('(the browser storage refuses them)');
  });
});

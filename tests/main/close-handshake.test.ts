import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardClose } from '../../src/main/close-handshake';
import { IPC_BEFORE_CLOSE_CHANNEL, IPC_READY_TO_CLOSE_CHANNEL } from '../../src/shared/api/wire';

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

  it('closes anyway when the page does not answer', async () => {
    const ipc = new EventEmitter();
    const { win, closed } = windowLike(1);
    guardClose(win, ipc, 20);
    win.close();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(closed()).toBe(true);
  });
});

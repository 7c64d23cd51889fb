import { contextBridge, ipcRenderer } from 'electron';
import type { Progress } from '../shared/api/contract';
import { IPC_BEFORE_CLOSE_CHANNEL, IPC_CALL_CHANNEL, IPC_CANCEL_CHANNEL, IPC_PROGRESS_CHANNEL, IPC_READY_TO_CLOSE_CHANNEL, type CallRequest, type HostBridge, type ProgressMessage } from '../shared/api/wire';

// Imports only ./wire: this runs sandboxed, where require() knows nothing but 'electron'.
const listeners = new Map<string, (progress: Progress) => void>();
let nextId = 0;

ipcRenderer.on(IPC_PROGRESS_CHANNEL, (_event, message: ProgressMessage) => {
  listeners.get(message?.callId)?.(message.progress);
});

const bridge: HostBridge = {
  transport: 'electron',
  async call(method, input, onProgress, onCallId) {
    const callId = `c${++nextId}`;
    if (onProgress) listeners.set(callId, onProgress);
    onCallId?.(callId);
    try {
      const request: CallRequest = { callId, method, input };
      return await ipcRenderer.invoke(IPC_CALL_CHANNEL, request);
    } finally {
      listeners.delete(callId);
    }
  },
  cancel(callId) {
    ipcRenderer.send(IPC_CANCEL_CHANNEL, callId);
  },
  onBeforeClose(save) {
    ipcRenderer.removeAllListeners(IPC_BEFORE_CLOSE_CHANNEL);
    ipcRenderer.on(IPC_BEFORE_CLOSE_CHANNEL, () => {
      // A save that threw says nothing about refused writes: those are answered as saved: false.
      void save().catch(() => undefined).then((readiness) => ipcRenderer.send(IPC_READY_TO_CLOSE_CHANNEL, readiness ?? null));
    });
  },
};

contextBridge.exposeInMainWorld('fanfare', bridge);

import type { HostBridge } from '../../../shared/api/wire';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (web host). */
    fanfare?: HostBridge;
  }
}

export {};

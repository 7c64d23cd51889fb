import type { HostMethod, Progress } from './contract';
import { HostError, isHostErrorShape } from './errors';

/**
 * The wire format of every transport, kept free of zod and of the contract's
 * values: the sandboxed preload imports this file, and electron-vite leaves
 * dependencies external, so a `require('zod')` there would break the preload.
 */
export type CallResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

export const IPC_CALL_CHANNEL = 'fanfare:call';
export const IPC_PROGRESS_CHANNEL = 'fanfare:progress';
/** Renderer → main, fire and forget: stop the call with this id. */
export const IPC_CANCEL_CHANNEL = 'fanfare:cancel';

/**
 * Main → renderer: the window is closing, save what is pending. Renderer →
 * main: done, with a CloseReadiness saying whether everything is stored.
 */
export const IPC_BEFORE_CLOSE_CHANNEL = 'fanfare:before-close';
export const IPC_READY_TO_CLOSE_CHANNEL = 'fanfare:ready-to-close';

/**
 * What the page answers before its window closes. `saved: false` means the
 * browser's storage refuses some change (a full disk), kept in this window
 * only: closing would lose it, so the person is asked first.
 */
export interface CloseReadiness {
  saved: boolean;
  problem: 'disk-full' | 'refused' | null;
}

export interface CallRequest {
  callId: string;
  method: string;
  input: unknown;
}

export interface ProgressMessage {
  callId: string;
  progress: Progress;
}

/**
 * What the Electron preload exposes as `window.fanfare`. It returns raw
 * results instead of throwing because contextBridge copies only the message
 * of a thrown Error: the code and the per-field messages would be lost.
 */
export interface HostBridge {
  readonly transport: 'electron';
  /** `onCallId` hears the call's id at once, so the page can cancel it while it runs. */
  call(method: HostMethod, input: unknown, onProgress?: (progress: Progress) => void, onCallId?: (callId: string) => void): Promise<CallResult>;
  /** Stops a running call: its handler sees its signal abort, and the call ends with "cancelled". */
  cancel(callId: string): void;
  /**
   * Runs `save` when the window is about to close; the window waits for it
   * (up to a few seconds). When it answers that something is not saved, the
   * person is asked whether to close anyway.
   */
  onBeforeClose(save: () => Promise<CloseReadiness | void>): void;
}

export function toCallResult(error: unknown): CallResult & { ok: false } {
  if (error instanceof HostError) return { ok: false, error: error.toJSON() };
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code: 'internal', message: `Something went wrong: ${detail}` } };
}

export function unwrapCallResult(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const r = result as CallResult;
    if (r.ok) return r.value;
    if (isHostErrorShape(r.error)) throw HostError.from(r.error);
  }
  throw new HostError('internal', 'Fanfare received an answer it does not understand. Restarting the app usually helps.');
}

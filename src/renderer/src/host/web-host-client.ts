import { createHostClient } from '../../../shared/api/client';
import type { HostApi, Progress } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import { unwrapCallResult, type ProgressMessage } from '../../../shared/api/wire';

const UNREACHABLE =
  'Fanfare cannot reach its local host. Check that Fanfare is still running on this computer (in the terminal where it was started), then reload this page.';

const SIGNED_OUT =
  'This browser tab is no longer signed in to Fanfare (it was probably restarted). Open Fanfare again from the link shown in the terminal where it was started; it is also saved in web-link.txt in Fanfare’s data folder.';

export interface WebHostOptions {
  /** Where the web host lives; defaults to the page's own origin. */
  baseUrl?: string;
}

function newCallId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The browser transport: one POST per call, one shared WebSocket for
 * progress. Both carry the session cookie the host set when this browser
 * opened Fanfare's link (same origin, so the browser sends it by itself).
 */
export function connectWebHost(options: WebHostOptions = {}): HostApi {
  const base = options.baseUrl ?? globalThis.location?.origin ?? '';
  const listeners = new Map<string, (progress: Progress) => void>();
  let socket: Promise<WebSocket | null> | null = null;

  // Opened before the first call that wants progress, so no early message is missed.
  const events = (): Promise<WebSocket | null> => {
    if (socket) return socket;
    const url = new URL('/api/events', base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const opening: Promise<WebSocket | null> = new Promise((resolve) => {
      const ws = new WebSocket(url);
      const settle = (value: WebSocket | null) => {
        clearTimeout(timer);
        resolve(value);
        if (value) return;
        // Give up on this socket so the next call tries again instead of inheriting a dead one.
        if (socket === opening) socket = null;
        ws.close();
      };
      const timer = setTimeout(() => settle(null), 3000);
      ws.onopen = () => settle(ws);
      ws.onerror = () => settle(null);
      ws.onclose = () => {
        if (socket === opening) socket = null;
      };
      ws.onmessage = (event) => {
        try {
          const message = JSON.parse(String(event.data)) as ProgressMessage;
          listeners.get(message.callId)?.(message.progress);
        } catch {
          // Progress is a nicety; a garbled message is dropped.
        }
      };
    });
    socket = opening;
    return opening;
  };

  return createHostClient(async (method, input, callOptions) => {
    const callId = newCallId();
    const onProgress = callOptions?.onProgress;
    const signal = callOptions?.signal;
    if (signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
    if (onProgress) {
      // Without the socket the call still works, just without a progress bar.
      await events();
      listeners.set(callId, onProgress);
    }
    try {
      let response: Response;
      try {
        response = await fetch(new URL(`/api/call/${encodeURIComponent(method)}`, base), {
          method: 'POST',
          // The host refuses a call without the call id: a cross-site form cannot send one.
          headers: { 'content-type': 'application/json', 'x-fanfare-call-id': callId },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
          // Dropping the request is the cancel: the host stops a call whose page stopped listening.
          signal,
        });
      } catch {
        if (signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
        throw new HostError('not-available', UNREACHABLE);
      }
      if (response.status === 401) throw new HostError('unauthorized', SIGNED_OUT);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        if (signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
        throw new HostError('internal', `Fanfare's local host gave an answer it cannot read (status ${response.status}). Reloading the page usually helps.`);
      }
      return unwrapCallResult(body);
    } finally {
      listeners.delete(callId);
    }
  });
}

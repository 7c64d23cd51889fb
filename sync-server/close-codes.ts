/**
 * Close codes and reasons the server sends, so the app (and an admin reading
 * logs) can tell why a connection ended. 4000–4999 is the range WebSocket
 * leaves to applications; the reasons are short because the protocol caps
 * them at 123 bytes.
 *
 * The ranges follow the stock y-websocket client's rule (and the app's):
 * 4400–4499 means "reconnecting cannot help" and stops sync for good, so it is
 * used only when the invite itself is no longer good. Every other condition
 * passes: 4500–4599 ("try again later") and the standard codes are retried
 * with backoff, and the client resends whatever the server lacks.
 */
export const CLOSE = {
  /** Standard: the server is going away (shutdown). Retried. */
  goingAway: 1001,
  /** Standard: a message was over the size limit (the ws library sends it). Retried. */
  tooBig: 1009,
  /** The invite was revoked. The only permanent code the server sends. */
  revoked: 4401,
  /** A message the server could not read; a fresh connection starts a fresh exchange. */
  malformed: 4500,
  /** The server cannot save right now (disk full, a storage error); it reopens its store and clients come back. */
  storage: 4503,
  /**
   * The invite (or its workspace) already has as many bytes on their way in as
   * the server holds for it; the connection is closed before the next message
   * is read, and the client sends it again when it reconnects.
   */
  busy: 4513,
  /** The client stopped answering pings (logged only: the socket is cut, no close frame reaches it). */
  noPong: 4508,
  /** The room had to be reloaded from disk; reconnecting is enough. */
  reload: 4509,
} as const;

export const CLOSE_REASON = {
  malformed: 'The server could not read a message from this app; reconnecting.',
  revoked: 'This invite was revoked. Ask for a new one.',
  storage: 'The team server cannot save right now; your changes are kept on this laptop and will be sent when it can.',
  reload: 'The document is being reloaded; reconnecting.',
  noPong: 'The app stopped answering.',
  busy: 'The team server is receiving too much from this invite at once; this app will send its changes again shortly.',
  goingAway: 'The sync server is shutting down.',
} as const;

/** True for the codes after which a client should stop trying (the invite is not good any more). */
export const isPermanentClose = (code: number): boolean => code >= 4400 && code < 4500;

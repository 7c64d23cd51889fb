/**
 * Close codes and reasons the server sends, so the app (and an admin reading
 * logs) can tell why a connection ended. 4000–4999 is the range WebSocket
 * leaves to applications; the reasons are short because the protocol caps
 * them at 123 bytes.
 */
export const CLOSE = {
  /** Standard: a message was over the size limit (the ws library sends it). */
  tooBig: 1009,
  /** Standard: the server is going away (shutdown). */
  goingAway: 1001,
  malformed: 4400,
  revoked: 4401,
  /** The room had to be reloaded from disk; reconnecting is enough. */
  reload: 4409,
  noPong: 4408,
} as const;

export const CLOSE_REASON = {
  malformed: 'The server could not read a message from this app.',
  revoked: 'This invite was revoked. Ask for a new one.',
  reload: 'The document is being reloaded; reconnect.',
  noPong: 'The app stopped answering.',
  goingAway: 'The sync server is shutting down.',
} as const;

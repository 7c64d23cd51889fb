/**
 * An error whose message is one plain sentence for the person running the
 * server. The CLI prints only the message (no stack trace) and exits with 1.
 */
export class SyncServerError extends Error {
  override name = 'SyncServerError';

  /** For callers that word the problem their own way (the app hosting the server). */
  constructor(message: string, readonly reason: 'port-in-use' | null = null) {
    super(message);
  }
}

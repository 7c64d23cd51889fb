/**
 * A team server is one address: documents sync over WebSocket (ws://, wss://)
 * and files travel over plain HTTP(S) on the same host and port. Invites
 * carry the WebSocket form; this turns it into the file form.
 */

/** A ws:// or wss:// address, optionally with a path, as invites carry it. */
export const TEAM_SERVER_URL = /^wss?:\/\/[^\s/]+(:\d+)?(\/[^\s]*)?$/;

/** `ws://host:1234` → `http://host:1234`, `wss://…` → `https://…`, without a trailing slash. */
export function httpBaseOf(server: string): string {
  return server.replace(/^ws(s?):\/\//i, 'http$1://').replace(/\/+$/, '');
}

/** Where the server keeps the bytes of one file, named by their SHA-256. */
export function blobUrlOf(server: string, sha256: string): string {
  return `${httpBaseOf(server)}/blobs/${sha256}`;
}

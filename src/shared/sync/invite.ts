import { TEAM_SERVER_URL } from './server-url';

/**
 * An invite is one line a teammate pastes into Fanfare: the team server's
 * address, the workspace and a token, packed so that chat apps and email
 * do not break it.
 *
 *   fanfare-invite:v1:<base64url of {"server":"ws://host:port","workspaceId":"…","token":"…","name":"…"}>
 */
export interface Invite {
  /** ws:// or wss:// base URL of the sync server, without a trailing slash. */
  server: string;
  workspaceId: string;
  token: string;
  /** The workspace's name, to show before connecting. */
  name?: string;
}

const PREFIX = 'fanfare-invite:v1:';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeInvite(invite: Invite): string {
  return PREFIX + toBase64Url(JSON.stringify(invite));
}

export type InviteResult = { ok: true; invite: Invite } | { ok: false; message: string };

/** Parses a pasted invite; the message says what is wrong in the user's words. */
export function parseInvite(pasted: string): InviteResult {
  const text = pasted.trim();
  if (!text) return { ok: false, message: 'Paste the invite your teammate sent you.' };
  if (!text.startsWith(PREFIX)) return { ok: false, message: 'This is not a Fanfare invite. It should start with "fanfare-invite:".' };
  let data: unknown;
  try {
    data = JSON.parse(fromBase64Url(text.slice(PREFIX.length)));
  } catch {
    return { ok: false, message: 'This invite is damaged. Ask for a new one, and copy all of it.' };
  }
  const { server, workspaceId, token, name } = (data ?? {}) as Record<string, unknown>;
  if (typeof server !== 'string' || !TEAM_SERVER_URL.test(server)) {
    return { ok: false, message: 'This invite has no valid server address. Ask for a new one.' };
  }
  if (typeof workspaceId !== 'string' || !workspaceId || typeof token !== 'string' || token.length < 16) {
    return { ok: false, message: 'This invite is incomplete. Ask for a new one, and copy all of it.' };
  }
  return { ok: true, invite: { server: server.replace(/\/+$/, ''), workspaceId, token, ...(typeof name === 'string' ? { name } : {}) } };
}

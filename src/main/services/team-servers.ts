import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { HostError } from '../../shared/api/errors';
import { replaceFile } from './durable-file';
import { blobRequest } from './media-store/blob-http';

/** The team server a workspace syncs with, and the invite token its files travel with. */
export interface TeamServer {
  server: string;
  token: string;
}

/**
 * A team server's origin in the one form a content security policy can carry
 * safely: ws(s)://host[:port], host made of letters, digits, dots and dashes
 * (or a bracketed IPv6 address). Anything else could smuggle a directive into
 * the policy, so it is refused rather than cleaned.
 */
const SAFE_ORIGIN = /^wss?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** `ws://host:1234/sync` → `ws://host:1234`; null when it is not an address a policy can name. */
export function teamServerOrigin(server: string): string | null {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return null;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  const origin = `${url.protocol}//${url.host}`;
  return SAFE_ORIGIN.test(origin) ? origin : null;
}

const NO_FILE = '0'.repeat(64);

/**
 * Asks the team server whether it accepts this invite before anything is
 * kept, so a wrong, revoked or unreachable invite gets a plain sentence at
 * once. A file lookup needs the same token as sync: 401/403 is a "no", any
 * other answer a "yes".
 */
export async function checkInvite(remote: TeamServer, signal?: AbortSignal): Promise<void> {
  let status: number;
  try {
    const res = await blobRequest(remote, NO_FILE, { method: 'HEAD', signal });
    res.resume();
    status = res.statusCode ?? 0;
  } catch {
    if (signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
    throw new HostError('unreachable', `Fanfare cannot reach the team server at ${remote.server}. Check that it is running and that this computer can reach it, then try again.`);
  }
  if (status === 401 || status === 403) {
    throw new HostError('unauthorized', 'The team server does not accept this invite: it is wrong or was revoked. Ask your teammate for a new one.');
  }
}

interface StoredFile {
  version: 1;
  servers: Record<string, TeamServer>;
}

/**
 * The team servers this computer's workspaces sync with, by workspace id, so
 * that files go only to a server the person connected to, never to an
 * address a page supplies. Kept in `<data dir>/team-servers.json`, readable
 * by this user alone (it holds invite tokens), replaced whole on each change
 * (a new file, flushed, then renamed over the old one) so a crash leaves the
 * old list or the new one. `file` null: kept in memory only (tests, and hosts
 * that keep no data).
 */
export class TeamServers {
  private servers = new Map<string, TeamServer>();
  private writing: Promise<void> = Promise.resolve();

  constructor(readonly file: string | null = null) {
    if (file) this.load(file);
  }

  get(workspaceId: string): TeamServer | null {
    return this.servers.get(workspaceId) ?? null;
  }

  /** Where pages may connect: each remembered server's ws(s) origin, once, in a stable order. */
  origins(): string[] {
    const origins = new Set<string>();
    for (const { server } of this.servers.values()) {
      const origin = teamServerOrigin(server);
      if (origin) origins.add(origin);
    }
    return [...origins].sort();
  }

  async remember(workspaceId: string, server: string, token: string): Promise<void> {
    if (!teamServerOrigin(server)) {
      throw new HostError('invalid-input', `“${server}” is not a team server address Fanfare can connect to (ws:// or wss:// and a host name).`, { server: 'Not a team server address' });
    }
    const known = this.servers.get(workspaceId);
    if (known?.server === server && known.token === token) return;
    this.servers.set(workspaceId, { server, token });
    await this.save();
  }

  async forget(workspaceId: string): Promise<void> {
    if (!this.servers.delete(workspaceId)) return;
    await this.save();
  }

  private load(file: string): void {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as StoredFile;
      for (const [workspaceId, entry] of Object.entries(parsed.servers ?? {})) {
        if (typeof entry?.server === 'string' && typeof entry.token === 'string' && teamServerOrigin(entry.server)) {
          this.servers.set(workspaceId, { server: entry.server, token: entry.token });
        }
      }
    } catch {
      // A damaged list is kept aside (never overwritten: it may be all someone has) and the computer starts with none;
      // each workspace's invite is remembered again when it is opened.
      mkdirSync(dirname(file), { recursive: true });
      renameSync(file, `${file}.damaged-${Date.now()}`);
    }
  }

  private save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    const data: StoredFile = { version: 1, servers: Object.fromEntries(this.servers) };
    const bytes = Buffer.from(`${JSON.stringify(data, null, 2)}\n`);
    // One write at a time, in order: the last change is the one on disk.
    const next = this.writing.catch(() => undefined).then(() => replaceFile(file, bytes));
    this.writing = next;
    return next;
  }
}

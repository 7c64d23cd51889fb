import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { newId } from '../src/shared/data/ids';
import { writeFileAtomic } from './atomic-write';
import { SyncServerError } from './errors';
import { TOKEN_ID_LENGTH, hashToken, newToken, tokenId } from './tokens';

/**
 * Who may sync what: the workspaces this server hosts and the tokens that
 * open them (one token = one workspace and all of its rooms), in one small
 * JSON file in the data folder. The CLI and a running server share the file,
 * so every change is written atomically and the server re-reads it when it
 * changes: an invite or a revocation from the CLI works without a restart.
 */
export interface StoredWorkspace {
  id: string;
  name: string;
  createdAt: string;
}

export interface StoredToken {
  /** The token's first characters: names it in logs and for `revoke`. */
  id: string;
  /** SHA-256 of the whole token, hex. The token itself is never stored. */
  hash: string;
  workspaceId: string;
  createdAt: string;
  revokedAt?: string;
}

interface AccessData {
  version: 1;
  workspaces: StoredWorkspace[];
  tokens: StoredToken[];
}

export type AccessCheck =
  | { ok: true; tokenId: string; tokenHash: string; workspaceId: string }
  | { ok: false; reason: 'missing' | 'unknown' | 'revoked'; tokenId?: string };

export const ACCESS_FILE = 'access.json';

const MIN_PREFIX = 6;

export class AccessStore {
  readonly path: string;
  private data: AccessData = { version: 1, workspaces: [], tokens: [] };
  private stamp = '';

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, ACCESS_FILE);
    this.refresh();
  }

  /** Re-reads the file when it changed on disk; returns true when it did. */
  refresh(): boolean {
    const stamp = existsSync(this.path) ? fileStamp(this.path) : 'none';
    if (stamp === this.stamp) return false;
    this.data = this.readFile();
    this.stamp = stamp;
    return true;
  }

  get workspaces(): readonly StoredWorkspace[] {
    return this.data.workspaces;
  }

  get tokens(): readonly StoredToken[] {
    return this.data.tokens;
  }

  workspace(id: string): StoredWorkspace | undefined {
    return this.data.workspaces.find((w) => w.id === id);
  }

  /** `id` lets an app hosting its own workspace keep one room name across restarts. */
  createWorkspace(name: string, id: string = newId()): { workspace: StoredWorkspace; token: string } {
    const clean = name.trim();
    if (!clean) throw new SyncServerError('Give the workspace a name, for example: create-workspace "Acme Creators".');
    if (clean.length > 100) throw new SyncServerError('That workspace name is too long; keep it under 100 characters.');
    if (this.workspace(id)) throw new SyncServerError(`There is already a workspace "${id}" on this server.`);
    const workspace: StoredWorkspace = { id, name: clean, createdAt: new Date().toISOString() };
    const token = newToken();
    this.update((data) => {
      data.workspaces.push(workspace);
      data.tokens.push(tokenRecord(token, workspace.id));
    });
    return { workspace, token };
  }

  issueToken(workspaceId: string): { workspace: StoredWorkspace; token: string } {
    const token = newToken();
    let workspace: StoredWorkspace | undefined;
    this.update((data) => {
      workspace = data.workspaces.find((w) => w.id === workspaceId);
      if (!workspace) throw new SyncServerError(`There is no workspace "${workspaceId}" on this server; check the id, or the --data folder.`);
      data.tokens.push(tokenRecord(token, workspaceId));
    });
    return { workspace: workspace!, token };
  }

  /** Revokes the token given whole, or by a prefix of at least six characters that names exactly one token. */
  revoke(tokenOrPrefix: string): StoredToken {
    const given = tokenOrPrefix.trim();
    let revoked: StoredToken | undefined;
    this.update((data) => {
      const matches = findTokens(data.tokens, given);
      if (matches.length === 0) throw new SyncServerError('No token on this server matches that; check what you pasted, or the --data folder.');
      if (matches.length > 1) throw new SyncServerError(`That prefix matches ${matches.length} tokens; give more of the token.`);
      revoked = matches[0];
      revoked.revokedAt ??= new Date().toISOString();
    });
    return revoked!;
  }

  check(token: string | null | undefined): AccessCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const hash = Buffer.from(hashToken(token), 'hex');
    const found = this.data.tokens.find((t) => timingSafeEqual(Buffer.from(t.hash, 'hex'), hash));
    if (!found) return { ok: false, reason: 'unknown' };
    if (found.revokedAt) return { ok: false, reason: 'revoked', tokenId: found.id };
    return { ok: true, tokenId: found.id, tokenHash: found.hash, workspaceId: found.workspaceId };
  }

  /** Read, change, write: always from the file's latest contents, because the CLI may have written it meanwhile. */
  private update(change: (data: AccessData) => void): void {
    const data = this.readFile();
    change(data);
    writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`);
    this.data = data;
    this.stamp = fileStamp(this.path);
  }

  private readFile(): AccessData {
    if (!existsSync(this.path)) return { version: 1, workspaces: [], tokens: [] };
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<AccessData>;
      if (!Array.isArray(parsed.workspaces) || !Array.isArray(parsed.tokens)) throw new Error('bad shape');
      return { version: 1, workspaces: parsed.workspaces, tokens: parsed.tokens };
    } catch {
      throw new SyncServerError(`The server's access file ${this.path} is damaged; restore it from a backup.`);
    }
  }
}

function tokenRecord(token: string, workspaceId: string): StoredToken {
  return { id: tokenId(token), hash: hashToken(token), workspaceId, createdAt: new Date().toISOString() };
}

function findTokens(tokens: StoredToken[], given: string): StoredToken[] {
  if (given.length > TOKEN_ID_LENGTH) {
    const hash = hashToken(given);
    const whole = tokens.filter((t) => t.hash === hash);
    if (whole.length > 0) return whole;
  }
  if (given.length < MIN_PREFIX) return [];
  const prefix = given.slice(0, TOKEN_ID_LENGTH);
  return tokens.filter((t) => t.id.startsWith(prefix));
}

function fileStamp(path: string): string {
  const info = statSync(path);
  return `${info.mtimeMs}:${info.size}:${info.ino}`;
}

import { newId } from '../../../shared/data/ids';
import type { Invite } from '../../../shared/sync/invite';

/**
 * The workspaces on this computer. Kept in localStorage because it is tiny
 * and needed synchronously at start; each workspace's data lives in its own
 * IndexedDB database (the Y.Doc) plus a projection snapshot.
 */
export interface WorkspaceEntry {
  id: string;
  name: string;
  createdAt: string;
  /** The demo workspace a new user lands in; one click removes it. */
  sample: boolean;
  /** The team server this workspace syncs through, if any. */
  invite?: Invite;
  syncPaused?: boolean;
}

const KEY = 'fanfare.workspaces.v1';
const LAST_KEY = 'fanfare.lastWorkspace';

export function listWorkspaces(): WorkspaceEntry[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function save(list: WorkspaceEntry[]): void {
  localStorage.setItem(KEY, JSON.stringify(list));
}

export function hasRegistry(): boolean {
  return localStorage.getItem(KEY) !== null;
}

export function addWorkspace(name: string, sample = false, id = newId('ws')): WorkspaceEntry {
  const entry: WorkspaceEntry = { id, name: name.trim(), createdAt: new Date().toISOString(), sample };
  save([...listWorkspaces(), entry]);
  return entry;
}

export function updateWorkspaceEntry(id: string, patch: Partial<Pick<WorkspaceEntry, 'invite' | 'syncPaused'>>): void {
  save(listWorkspaces().map((w) => (w.id === id ? { ...w, ...patch } : w)));
}

export function renameWorkspaceEntry(id: string, name: string): void {
  save(listWorkspaces().map((w) => (w.id === id ? { ...w, name: name.trim() } : w)));
}

export function removeWorkspaceEntry(id: string): void {
  save(listWorkspaces().filter((w) => w.id !== id));
  if (lastWorkspaceId() === id) localStorage.removeItem(LAST_KEY);
}

export function lastWorkspaceId(): string | null {
  return localStorage.getItem(LAST_KEY);
}

export function rememberWorkspace(id: string): void {
  localStorage.setItem(LAST_KEY, id);
}

export function validateWorkspaceName(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the workspace a name';
  if (trimmed.length > 80) return 'Keep the name under 80 characters';
  return null;
}

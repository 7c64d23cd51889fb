import { createContext, useContext } from 'react';
import type { Invite } from '../../../shared/sync/invite';
import type { MediaSync } from '../data/media-sync';
import type { WorkspaceEntry } from '../data/workspace-registry';
import type { WorkspaceSession } from '../data/workspace-session';

export interface WorkspaceActions {
  open(id: string): Promise<void>;
  create(name: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  createSample(): Promise<void>;
  /** Links the open workspace to a team server; resolves to a message when the invite is not accepted. */
  connectTeam(invite: Invite): Promise<string | null>;
  /** Makes a new local workspace that syncs with a teammate's. */
  joinTeam(invite: Invite): Promise<string | null>;
  disconnectTeam(): Promise<void>;
  setSyncPaused(paused: boolean): Promise<void>;
}

export interface WorkspaceContextValue extends WorkspaceActions {
  workspaces: WorkspaceEntry[];
  current: WorkspaceEntry | null;
  session: WorkspaceSession | null;
  /** Bumped when the Y.Doc has caught up, so screens can enable editing. */
  caughtUp: boolean;
  /** Media bytes to and from the team server (`ensureLocal` fetches a teammate's file); null until a workspace is open. */
  media: MediaSync | null;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace is used outside the workspace provider');
  return value;
}

/** For screens that only render inside an open workspace. */
export function useSession(): WorkspaceSession {
  const { session } = useWorkspace();
  if (!session) throw new Error('No workspace is open');
  return session;
}

import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  addWorkspace, hasRegistry, lastWorkspaceId, listWorkspaces, rememberWorkspace, removeWorkspaceEntry, renameWorkspaceEntry, updateWorkspaceEntry, type WorkspaceEntry,
} from '../data/workspace-registry';
import { SYSTEM_ORIGIN } from '../../../shared/data/ydoc';
import { WorkspaceSession } from '../data/workspace-session';
import { backUpBeforeMigration } from '../data/backup/automatic-backups';
import { admitTeamServer, teamServersAllowedAtLoad } from '../data/team-server-access';
import type { MediaSync } from '../data/media-sync';
import { startMediaSync } from '../data/media-sync-session';
import { allRichTextSaved } from '../data/rich-text/open-rich-text';
import { savedOrRefused } from '../data/save-status';
import { host } from '../host';
import type { Invite } from '../../../shared/sync/invite';
import { todayIn } from '../../../shared/domain/dates';
import { WorkspaceContext, type WorkspaceContextValue } from './workspace-context';

export const SAMPLE_NAME = 'Sample brand';
const SAMPLE_CREATORS = 400;

/** Fills a new sample workspace once, after its (empty) Y.Doc has loaded. */
async function seedSampleIfEmpty(session: WorkspaceSession): Promise<void> {
  await session.caughtUp;
  // The engine writes the sample only into an empty workspace; its changes arrive like any others.
  // Dated from today on this computer's calendar: fixed dates made every
  // follow-up "54 days overdue" and every campaign over a month after release.
  const today = todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
  if (await session.commands.loadDemo({ seed: 2026, creators: SAMPLE_CREATORS, today })) await session.projection.settled();
}

/**
 * Records written by an older Fanfare are updated when the workspace opens,
 * and a backup of them as they were is kept first. Without one the update
 * still happens (the workspace would not open otherwise), and the person is told.
 */
async function keepBackupBeforeMigration(entry: WorkspaceEntry, state: Uint8Array): Promise<void> {
  try {
    await backUpBeforeMigration(entry, state);
  } catch (error) {
    notifications.show({
      color: 'orange', autoClose: false, title: `No backup was kept before updating “${entry.name}”`,
      message: `Fanfare updated this workspace's records to the new version without keeping a copy of them first (${(error as Error)?.message ?? error}). `
        + 'Your workspace is fine. To be safe, back it up now with “Back up this workspace…” in the workspace menu.',
    });
  }
}

/**
 * Reloads the page into the workspace that was just connected, so its new
 * policy lets it reach the team server. Never resolves: the page goes away.
 */
async function reloadInto(id: string, session: WorkspaceSession | null): Promise<never> {
  rememberWorkspace(id);
  await session?.flush();
  window.location.reload();
  return new Promise<never>(() => undefined);
}

export function WorkspaceProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [workspaces, setWorkspaces] = useState<WorkspaceEntry[]>(listWorkspaces);
  const [session, setSession] = useState<WorkspaceSession | null>(null);
  const [caughtUp, setCaughtUp] = useState(false);
  const [openFailed, setOpenFailed] = useState(false);
  const [media, setMedia] = useState<MediaSync | null>(null);
  const sessionRef = useRef<WorkspaceSession | null>(null);
  const opening = useRef<Promise<void>>(Promise.resolve());

  const refresh = () => setWorkspaces(listWorkspaces());

  const open = useCallback((id: string) => {
    // Opens run one after another: RxDB allows one projection open at a time.
    opening.current = opening.current.then(async () => {
      const entry = listWorkspaces().find((w) => w.id === id);
      if (!entry) return;
      await sessionRef.current?.close();
      sessionRef.current = null;
      setSession(null);
      setCaughtUp(false);
      setOpenFailed(false);
      const next = await WorkspaceSession.open(id, { beforeMigration: (state) => keepBackupBeforeMigration(entry, state) });
      try {
        if (entry.sample) await seedSampleIfEmpty(next);
      } catch (error) {
        await next.close();
        throw error;
      }
      sessionRef.current = next;
      rememberWorkspace(id);
      setSession(next);
      if (entry.invite) {
        // Sync starts once the local copy is loaded; paused stays paused.
        void next.caughtUp.then(async () => {
          // A workspace connected before this computer kept its team servers: the host learns it now.
          const admitted = await admitTeamServer(host, entry.invite!);
          if (!admitted.ok) {
            notifications.show({ color: 'orange', autoClose: false, title: `“${entry.name}” cannot sync yet`, message: admitted.message });
            return;
          }
          if (admitted.reload) await reloadInto(id, next);
          await next.commands.connect(entry.invite!);
          if (entry.syncPaused) await next.commands.pauseSync();
        }).catch(() => undefined);
      }
      next.caughtUp.then(
        () => sessionRef.current === next && setCaughtUp(true),
        (error) => notifications.show({
          color: 'red', autoClose: false, title: 'This workspace did not finish loading',
          message: `You can look around, but changes cannot be saved until Fanfare is reloaded. (${error?.message ?? error})`,
        }),
      );
    }).catch((error) => {
      setOpenFailed(true);
      notifications.show({ color: 'red', title: 'This workspace could not be opened', message: String(error?.message ?? error) });
    });
    return opening.current;
  }, []);

  const create = useCallback(async (name: string) => {
    const entry = addWorkspace(name);
    refresh();
    await open(entry.id);
    const session = sessionRef.current;
    if (session) {
      await session.caughtUp;
      // Bookkeeping, not the user's edit: Ctrl+Z must not take the workspace record back.
      await session.commands.create('settings', { kind: 'workspace', name: entry.name }, { origin: SYSTEM_ORIGIN });
    }
  }, [open]);

  const connectTeam = useCallback(async (invite: Invite) => {
    const session = sessionRef.current;
    if (!session) return 'Open a workspace first.';
    const admitted = await admitTeamServer(host, invite, { check: true });
    if (!admitted.ok) return admitted.message;
    updateWorkspaceEntry(session.id, { invite, syncPaused: false });
    refresh();
    if (admitted.reload) return reloadInto(session.id, session);
    await session.commands.connect(invite);
    return null;
  }, []);

  const joinTeam = useCallback(async (invite: Invite) => {
    const admitted = await admitTeamServer(host, invite, { check: true });
    if (!admitted.ok) return admitted.message;
    const existing = listWorkspaces().find((w) => w.invite?.server === invite.server && w.invite.workspaceId === invite.workspaceId);
    const id = existing?.id ?? addWorkspace(invite.name || 'Team workspace').id;
    updateWorkspaceEntry(id, { invite });
    refresh();
    if (admitted.reload) return reloadInto(id, sessionRef.current);
    await open(id);
    return null;
  }, [open]);

  const disconnectTeam = useCallback(async () => {
    const session = sessionRef.current;
    if (!session) return;
    const invite = listWorkspaces().find((w) => w.id === session.id)?.invite;
    updateWorkspaceEntry(session.id, { invite: undefined, syncPaused: undefined });
    refresh();
    await session.commands.disconnect();
    // The host lets go of the invite too: this workspace's files no longer go to that server.
    if (invite) await host['team-server-forget']({ workspaceId: invite.workspaceId });
  }, []);

  const setSyncPaused = useCallback(async (paused: boolean) => {
    const session = sessionRef.current;
    if (!session) return;
    updateWorkspaceEntry(session.id, { syncPaused: paused });
    refresh();
    await (paused ? session.commands.pauseSync() : session.commands.resumeSync());
  }, []);

  const createSample = useCallback(async () => {
    const entry = addWorkspace(SAMPLE_NAME, true);
    refresh();
    await open(entry.id);
  }, [open]);

  const rename = useCallback(async (id: string, name: string) => {
    renameWorkspaceEntry(id, name);
    refresh();
    const current = sessionRef.current;
    if (current?.id === id) {
      await current.caughtUp;
      const [record] = await current.projection.collections.settings.find({ selector: { kind: 'workspace', deletedAt: null } }).exec();
      if (record) await current.commands.update('settings', record.primary, { name }, { origin: SYSTEM_ORIGIN });
    }
  }, []);

  const remove = useCallback(async (id: string) => {
    if (sessionRef.current?.id === id) {
      await opening.current;
      await sessionRef.current?.close();
      sessionRef.current = null;
      setSession(null);
    }
    await WorkspaceSession.destroy(id);
    removeWorkspaceEntry(id);
    refresh();
    const next = listWorkspaces()[0];
    if (next) await open(next.id);
  }, [open]);

  useEffect(() => {
    if (!session) return;
    // Media bytes follow the open workspace's team sync; the registry has its current invite.
    const started = startMediaSync(session, host, () => listWorkspaces().find((w) => w.id === session.id)?.invite ?? null);
    setMedia(started.media);
    return () => {
      started.stop();
      setMedia(null);
    };
  }, [session]);

  const booted = useRef(false);
  useEffect(() => {
    if (booted.current) return;
    booted.current = true;
    // What this page's policy lets it reach, asked before any workspace connects.
    void teamServersAllowedAtLoad(host);
    // Save the latest snapshot when the window goes away; the Y.Doc is already saved.
    window.addEventListener('pagehide', () => void sessionRef.current?.flush());
    // In the desktop app, closing the window waits for this (a few seconds at most).
    // Changes the browser refuses to store (a full disk) are answered at once: the app asks before closing.
    window.fanfare?.onBeforeClose(() => savedOrRefused(Promise.all([sessionRef.current?.flush(), allRichTextSaved()])));
    // First run: a new user lands in the sample workspace.
    if (!hasRegistry()) void createSample();
    else {
      const list = listWorkspaces();
      const id = list.find((w) => w.id === lastWorkspaceId())?.id ?? list[0]?.id;
      if (id) void open(id);
    }
  }, [open, createSample]);

  const value = useMemo<WorkspaceContextValue>(() => ({
    workspaces,
    current: workspaces.find((w) => w.id === session?.id) ?? null,
    session,
    caughtUp,
    media,
    open, create, rename, remove, createSample, connectTeam, joinTeam, disconnectTeam, setSyncPaused,
  }), [workspaces, session, caughtUp, media, open, create, rename, remove, createSample, connectTeam, joinTeam, disconnectTeam, setSyncPaused]);

  return <WorkspaceContext.Provider value={value}>{session || workspaces.length === 0 || openFailed ? children : fallback}</WorkspaceContext.Provider>;
}

import { createHostClient } from '../shared/api/client';
import type { HandlerContext, HostApi, HostHandlers, Progress } from '../shared/api/contract';
import { dispatch } from '../shared/api/dispatch';
import { getAppInfo } from './services/app-info';
import { checkMediaTools, type MediaToolsOptions } from './services/media-tools';
import type { SyncHost } from './services/sync-host';
import { HostError } from '../shared/api/errors';
import type { MediaStore } from './services/media-store/media-store';
import { remoteStatus } from './services/media-store/remote-status';
import { downloadMedia, uploadMedia } from './services/media-store/transfer-media';
import { renderDocument } from './services/documents/render-document';
import { createLibraryHandlers } from './services/library/library-handlers';
import { createMailHandlers } from './services/mail/mail-handlers';
import type { SecretCipher } from './services/mail/password-vault';
import { exportReportWorkbook } from './services/exports/export-report';
import { exportCampaignPlan } from './services/plan-export/export-campaign-plan';
import { readStoredForm, storeFile } from './services/documents/store-file';
import { dirname, join } from 'node:path';
import { BackupFolder } from './services/backups/backup-folder';
import { checkInvite, TeamServers, teamServerOrigin } from './services/team-servers';
import { fetchLinkPreview, type LinkPreviewOptions } from './services/link-preview';

export interface HostHandlerOptions {
  /** Electron passes app.getVersion(); plain Node reads package.json. */
  appVersion?: string;
  /** Where to look for ffmpeg; tests pin it, the app uses the environment. */
  mediaTools?: MediaToolsOptions;
  /** "Host sync on this computer"; absent where the app cannot host (then it says so). */
  syncHost?: SyncHost;
  /** Media bytes on this computer (`<data dir>/media`); absent where the app keeps no files (then it says so). */
  mediaStore?: MediaStore;
  /** The team servers files may go to, by workspace; absent: remembered in memory for this run only. */
  teamServers?: TeamServers;
  /**
   * Asks the person before files may go to a team server this computer has not
   * connected to yet (the desktop app shows a native dialog, which page script
   * cannot answer). Absent (the browser app): the invite the person typed into
   * the page is the consent.
   */
  confirmNewTeamServer?: (origin: string) => Promise<boolean>;
  /** Automatic workspace backups; by default `<data dir>/backups`, beside the media store. */
  backupsDir?: string;
  /**
   * Reading web pages for the swipe file. Only tests allow private addresses
   * (a page server on 127.0.0.1): the host contract cannot set this. Absent,
   * the environment variable FANFARE_TEST_ALLOW_LOOPBACK_LINKS=1 (the
   * end-to-end tests' web host) allows them; nothing else does.
   */
  linkPreview?: Pick<LinkPreviewOptions, 'allowPrivateAddresses' | 'resolve' | 'timeoutMs'>;
  /** Mailbox settings, encrypted passwords and the outbox; by default `<data dir>/mail`, beside the media store. */
  mailDir?: string;
  /** The desktop app's keychain for mailbox passwords (Electron safeStorage); absent, a passphrase locks them. */
  mailKeychain?: SecretCipher;
  /** Gets what to run when the app quits (the cutting queue stops ffmpeg and removes half-made files). */
  onQuit?: (stop: () => Promise<void>) => void;
}

function requireSyncHost(host: SyncHost | undefined): SyncHost {
  if (!host) throw new HostError('not-available', 'Hosting team sync is not available in this version of Fanfare.');
  return host;
}

function teamServerOf(servers: TeamServers, workspaceId: string) {
  const remote = servers.get(workspaceId);
  if (!remote) throw new HostError('not-available', 'This workspace is not connected to a team server on this computer. Connect it with its invite (Settings → Team sync) and try again.');
  return remote;
}

function requireMediaStore(store: MediaStore | undefined): MediaStore {
  if (!store) throw new HostError('not-available', 'Keeping media files is not available in this version of Fanfare.');
  return store;
}

/** The one handler map every transport serves. Handlers get input already validated by dispatch. */
export function createHostHandlers(options: HostHandlerOptions = {}): HostHandlers {
  const backupsDir = options.backupsDir ?? (options.mediaStore ? join(dirname(options.mediaStore.root), 'backups') : null);
  const backups = backupsDir ? new BackupFolder(backupsDir) : null;
  const requireBackups = () => {
    if (!backups) throw new HostError('not-available', 'Keeping backups on this computer is not available in this version of Fanfare.');
    return backups;
  };
  const teamServers = options.teamServers ?? new TeamServers();
  const linkPreview = options.linkPreview ?? { allowPrivateAddresses: process.env.FANFARE_TEST_ALLOW_LOOPBACK_LINKS === '1' };
  const { queue, ...library } = createLibraryHandlers({ store: options.mediaStore, mediaTools: options.mediaTools });
  if (queue) options.onQuit?.(() => queue.close());
  const { stop: stopMail, ...mail } = createMailHandlers({
    dir: options.mailDir ?? (options.mediaStore ? join(dirname(options.mediaStore.root), 'mail') : undefined),
    keychain: options.mailKeychain,
  });
  options.onQuit?.(stopMail);
  return {
    ...library,
    ...mail,
    'app-info': async (_input, ctx) => getAppInfo(ctx.transport, { version: options.appVersion }),
    'media-tools-check': async (_input, ctx) =>
      checkMediaTools({ ...options.mediaTools, signal: ctx.signal, onProgress: (p) => ctx.progress(p) }),
    'sync-host-share': async (input) => requireSyncHost(options.syncHost).share(input),
    'sync-host-status': async () => options.syncHost?.status() ?? { running: false, reach: null, port: null, addresses: [], problem: null },
    'sync-host-stop': async () => {
      const host = requireSyncHost(options.syncHost);
      await host.stop();
      return host.status();
    },
    'media-status': async (input) => requireMediaStore(options.mediaStore).status(input.sha256s),
    'team-server-remember': async ({ workspaceId, server, token, check }, ctx) => {
      if (check) await checkInvite({ server, token }, ctx.signal);
      const origin = teamServerOrigin(server);
      if (origin && options.confirmNewTeamServer && !teamServers.origins().includes(origin) && !(await options.confirmNewTeamServer(origin))) {
        throw new HostError('cancelled', `Not connected: you chose not to let this computer sync with the team server at ${origin}.`);
      }
      await teamServers.remember(workspaceId, server, token);
      return { origins: teamServers.origins() };
    },
    'team-server-forget': async ({ workspaceId }) => {
      await teamServers.forget(workspaceId);
      return { origins: teamServers.origins() };
    },
    'team-server-list': async () => ({ origins: teamServers.origins() }),
    'media-upload': async ({ sha256, fileName, workspaceId }, ctx) =>
      uploadMedia(requireMediaStore(options.mediaStore), teamServerOf(teamServers, workspaceId), sha256, { fileName, signal: ctx.signal, onProgress: (p) => ctx.progress(p) }),
    'media-download': async ({ sha256, fileName, workspaceId }, ctx) =>
      downloadMedia(requireMediaStore(options.mediaStore), teamServerOf(teamServers, workspaceId), sha256, { fileName, signal: ctx.signal, onProgress: (p) => ctx.progress(p) }),
    'media-remote-status': async ({ sha256s, workspaceId }, ctx) => remoteStatus(teamServerOf(teamServers, workspaceId), sha256s, ctx.signal),
    'documents-render': async (input) => {
      const { bytes: _bytes, ...file } = await renderDocument(input.document, { mediaStore: options.mediaStore, preview: input.preview });
      return file;
    },
    'documents-store-file': async (input, ctx) =>
      storeFile(requireMediaStore(options.mediaStore), input.fileName, input.base64, { signal: ctx.signal, mediaTools: options.mediaTools }),
    'reports-export-xlsx': async (input, ctx) =>
      exportReportWorkbook(input, { signal: ctx.signal, onProgress: (fraction, message) => ctx.progress({ fraction, message }) }),
    'campaign-plan-export': async (input, ctx) => exportCampaignPlan(input.plan, { signal: ctx.signal, onProgress: (p) => ctx.progress(p) }),
    'documents-read-form': async (input) => ({ fields: await readStoredForm(requireMediaStore(options.mediaStore), input.sha256) }),
    'backup-save': async (input) => {
      const saved = await requireBackups().save({ uploadId: input.uploadId, offset: input.offset, bytes: Buffer.from(input.data, 'base64'), last: input.last });
      return 'header' in saved ? { done: true, backup: saved } : { done: false, receivedBytes: saved.receivedBytes };
    },
    'backup-list': async (input) => {
      const folder = requireBackups();
      return { backups: await folder.list(input.workspaceId), folder: folder.root };
    },
    'backup-read': async (input) => {
      const { bytes, totalBytes } = await requireBackups().read(input.id, input.offset, input.length);
      return { data: bytes.toString('base64'), totalBytes };
    },
    'swipe-fetch-link': async ({ url }, ctx) => fetchLinkPreview(url, { ...linkPreview, signal: ctx.signal }),
    'backup-delete': async (input) => {
      await requireBackups().delete(input.id);
      return { deleted: true };
    },
  };
}

/** The in-process transport: the same dispatch path as IPC and HTTP, without the wire. */
export function createInProcessHost(handlers: HostHandlers = createHostHandlers()): HostApi {
  return createHostClient((method, input, callOptions) => {
    const ctx: HandlerContext = {
      transport: 'in-process',
      progress: (progress: Progress) => callOptions?.onProgress?.(progress),
      signal: callOptions?.signal ?? new AbortController().signal,
    };
    return dispatch(handlers, method, input, ctx);
  });
}

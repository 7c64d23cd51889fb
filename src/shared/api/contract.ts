import { z } from 'zod';
import { TEAM_SERVER_URL } from '../sync/server-url';
import { documentRequest } from '../documents/requests';
import type { PreviewFonts, PreviewOp } from '../documents/preview';
import type { UncoveredText } from '../documents/uncovered';
import { libraryContract, type LibraryOutputs } from '../media/library-contract';
import { mailContract, type MailOutputs } from '../mail/mail-contract';
import { reportWorkbookInput } from '../reports/workbook-input';
import { planDocument } from '../domain/plan-document';
import type { BackupHeader } from '../backup/backup-format';

const sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'Not a file fingerprint (SHA-256)');

/** A backup travels in pieces of at most this many bytes (base64 in JSON: well under the web host's 64 MB body limit). */
export const BACKUP_CHUNK_BYTES = 4 * 1024 * 1024;
const backupId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,200}\.fanfare-backup$/, 'Not the name of a backup');

/** The team server a workspace syncs with, as its invite gives it; files travel with the same token. */
const teamServer = {
  server: z.string().regex(TEAM_SERVER_URL, 'Not a team server address (ws:// or wss://)'),
  workspaceId: z.string().min(1, 'The workspace is missing').max(128),
  token: z.string().min(16, 'The invite token is incomplete').max(512),
};

/**
 * Files travel only to the team server this computer remembers for the
 * workspace (`team-server-remember`), never to an address in the call: a page
 * names the workspace, the host knows where its server is.
 */
const teamFile = {
  workspaceId: teamServer.workspaceId,
  /** Shown in progress messages ("Uploading clip.mp4 · 12 of 48 MB"); the store itself knows files only by hash. */
  fileName: z.string().max(300).optional(),
};

/**
 * The host API: everything the renderer may ask of the machine. One map,
 * `domain-verb` names, a zod schema for every input. The same map is served
 * over Electron IPC, over the web host's HTTP API and in-process in tests.
 */
export const hostContract = {
  'app-info': {
    input: z.object({}).strict(),
  },
  'media-tools-check': {
    input: z.object({}).strict(),
  },
  /** Host the team sync server on this computer and get an invite for a workspace. */
  'sync-host-share': {
    input: z.object({
      reach: z.enum(['this-computer', 'office-network']),
      port: z.number().int('Use a whole number').min(1024, 'Use a port from 1024 to 65535').max(65535, 'Use a port from 1024 to 65535'),
      workspaceId: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, 'Not a workspace id'),
      workspaceName: z.string().trim().min(1, 'The workspace needs a name').max(100),
    }).strict(),
  },
  'sync-host-status': {
    input: z.object({}).strict(),
  },
  'sync-host-stop': {
    input: z.object({}).strict(),
  },
  /** Which of these files are on this computer. */
  'media-status': {
    input: z.object({
      sha256s: z.array(sha256).max(5000, 'Ask about at most 5000 files at once'),
    }).strict(),
  },
  /** This computer syncs this workspace with this team server: files may go to it, and pages may connect to it. */
  'team-server-remember': {
    input: z.object({
      ...teamServer,
      /** Ask the server first (joining, connecting): a wrong, revoked or unreachable invite is refused and nothing is kept. */
      check: z.boolean().default(false),
    }).strict(),
  },
  /** This workspace was disconnected from its team server: its files go nowhere now, and its invite is not kept on this computer. */
  'team-server-forget': {
    input: z.object({ workspaceId: teamServer.workspaceId }).strict(),
  },
  /** The team servers pages may connect to (the page's content security policy names exactly these). */
  'team-server-list': {
    input: z.object({}).strict(),
  },
  /** Sends a stored file to the workspace's team server, unless it is there already. */
  'media-upload': {
    input: z.object({ sha256, ...teamFile }).strict(),
  },
  /** Fetches a file from the workspace's team server into the media store, unless it is here already. */
  'media-download': {
    input: z.object({ sha256, ...teamFile }).strict(),
  },
  /** Which of these files the workspace's team server has (to show "only on the team server" or "missing everywhere"). */
  'media-remote-status': {
    input: z.object({
      sha256s: z.array(sha256).max(500, 'Ask the team server about at most 500 files at once'),
      workspaceId: teamServer.workspaceId,
    }).strict(),
  },
  /** Makes a PDF (brief, contract, guide, form) with the brand kit; with `preview`, also what each page shows. */
  'documents-render': {
    input: z.object({ document: documentRequest, preview: z.boolean().default(false) }).strict(),
  },
  /** Keeps a file the user picked in the browser (a signed contract, a logo) in the media store. */
  'documents-store-file': {
    input: z.object({
      fileName: z.string().trim().min(1, 'The file needs a name').max(300),
      base64: z.string().min(1, 'The file is empty').max(40_000_000, 'This file is too large (at most 30 MB)'),
    }).strict(),
  },
  /** The filled-in fields of a PDF in the media store (a signed contract, a returned opt-in form). */
  'documents-read-form': {
    input: z.object({ sha256 }).strict(),
  },
  ...libraryContract,
  ...mailContract,
  /** Writes a report as an Excel workbook (summary of formulas, data sheets, charts). */
  'reports-export-xlsx': {
    input: reportWorkbookInput,
  },
  /** A campaign's plan as an Excel workbook (the renderer saves the bytes). */
  'campaign-plan-export': {
    input: z.object({ plan: planDocument }).strict(),
  },
  /** A piece of an automatic backup for this computer's backups folder, in order; the last piece checks and keeps it. */
  'backup-save': {
    input: z.object({
      uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not an upload id'),
      offset: z.number().int().min(0),
      data: z.string().max(Math.ceil(BACKUP_CHUNK_BYTES / 3) * 4 + 4, 'A piece is at most 4 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64'),
      last: z.boolean(),
    }).strict(),
  },
  /** The automatic backups kept on this computer, newest first (one workspace's, or all). */
  'backup-list': {
    input: z.object({ workspaceId: z.string().min(1).max(128).optional() }).strict(),
  },
  /** A piece of a kept backup, to restore it. */
  'backup-read': {
    input: z.object({ id: backupId, offset: z.number().int().min(0), length: z.number().int().min(1).max(BACKUP_CHUNK_BYTES) }).strict(),
  },
  'backup-delete': {
    input: z.object({ id: backupId }).strict(),
  },
  /**
   * Reads a public web page's title, description and picture for the swipe
   * file (a page cannot fetch other sites). Only http(s), never this computer
   * or a private network, at most 3 redirects, 8 seconds.
   */
  'swipe-fetch-link': {
    input: z.object({
      url: z.string().trim().max(2000, 'This link is longer than 2000 characters').regex(/^https?:\/\/\S+$/i, 'Only web links (http or https) can be read'),
    }).strict(),
  },
} as const;

export type HostMethod = keyof typeof hostContract;
export type HostInput<M extends HostMethod> = z.input<(typeof hostContract)[M]['input']>;
export type HostParsedInput<M extends HostMethod> = z.output<(typeof hostContract)[M]['input']>;

export type Transport = 'electron' | 'web' | 'in-process';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  transport: Transport;
  node: string;
  electron: string | null;
}

export type ToolSource = 'FFMPEG_PATH' | 'ffmpeg-static' | 'PATH';

export interface ToolStatus {
  name: 'ffmpeg' | 'ffprobe';
  available: boolean;
  path: string | null;
  source: ToolSource | null;
  version: string | null;
  problem: string | null;
}

export interface MediaToolsReport {
  tools: ToolStatus[];
}

export interface MediaProbeResult {
  path: string;
  kind: 'video' | 'image' | 'audio';
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  sizeBytes: number;
}

export interface SyncHostStatus {
  running: boolean;
  reach: 'this-computer' | 'office-network' | null;
  port: number | null;
  /** ws:// addresses teammates can reach. */
  addresses: string[];
  /** Set when hosting was on before a restart and could not come back (e.g. the port is taken). */
  problem: string | null;
}

/** A file in the media store, described the way an `assets` record holds it. */
export interface MediaFile {
  sha256: string;
  sizeBytes: number;
  fileName: string;
  mimeType: string;
  kind: 'image' | 'video' | 'audio' | 'document';
  /** From ffprobe when it could read the file; null otherwise. */
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  videoCodec: string;
  audioCodec: string;
  /** Why the file cannot be read as what it claims to be (checked at import); the file is kept. Older hosts leave it out. */
  unreadable?: string | null;
}

export interface MediaStatus {
  present: string[];
  missing: string[];
}

export interface MediaRemoteStatus {
  onServer: string[];
  /** Never uploaded, or set aside by the server as damaged. */
  notOnServer: string[];
}

/** ws(s)://host:port of each team server this computer syncs with. */
export interface TeamServerOrigins {
  origins: string[];
}

export interface MediaTransfer {
  sha256: string;
  sizeBytes: number;
  /** False when nothing had to travel: the server (upload) or this computer (download) had it already. */
  transferred: boolean;
}

export interface RenderedDocumentFile {
  fileName: string;
  pdfBase64: string;
  sizeBytes: number;
  pageCount: number;
  /** Names of the form fields (signature, name, date…). */
  fields: string[];
  /** Pictures the document asked for that are not on this computer (left out, with a note in their place). */
  missingImages: string[];
  /** Characters no bundled font has (they would print as empty boxes), with where they are: shown before saving. */
  uncovered: UncoveredText[];
  /** The pages as drawn, and the outlines of the glyphs they use, so the preview shows exactly the PDF's letters. */
  preview: { pageWidth: number; pageHeight: number; pages: PreviewOp[][]; fonts: PreviewFonts; images: Record<string, string> } | null;
}

/** An automatic backup in this computer's backups folder. */
export interface StoredBackupInfo {
  id: string;
  sizeBytes: number;
  header: BackupHeader;
}

/** A web page as the swipe file shows it. */
export interface LinkPreviewResult {
  /** Where the link ended after redirects. */
  url: string;
  title: string;
  description: string;
  /** A JPEG data: URL (at most 320 px wide, under 30 KB), or '' when the page has no usable picture. */
  thumbnail: string;
  /** Why the page's picture was not used; null when there was none or it was used. */
  imageProblem: string | null;
}

export interface HostOutputs extends LibraryOutputs, MailOutputs {
  'swipe-fetch-link': LinkPreviewResult;
  'documents-render': RenderedDocumentFile;
  'documents-store-file': MediaFile;
  'documents-read-form': { fields: Record<string, string | boolean> };
  'sync-host-share': { invite: string; status: SyncHostStatus };
  'sync-host-status': SyncHostStatus;
  'sync-host-stop': SyncHostStatus;
  'app-info': AppInfo;
  'media-tools-check': MediaToolsReport;
  'media-status': MediaStatus;
  'team-server-remember': TeamServerOrigins;
  'team-server-forget': TeamServerOrigins;
  'team-server-list': TeamServerOrigins;
  'media-upload': MediaTransfer;
  'media-download': MediaTransfer;
  'media-remote-status': MediaRemoteStatus;
  'reports-export-xlsx': { fileName: string; base64: string; sizeBytes: number };
  'campaign-plan-export': { fileName: string; base64: string; sizeBytes: number };
  'backup-save': { done: false; receivedBytes: number } | { done: true; backup: StoredBackupInfo };
  'backup-list': { backups: StoredBackupInfo[]; folder: string };
  'backup-read': { data: string; totalBytes: number };
  'backup-delete': { deleted: true };
}

export interface Progress {
  /** 0..1, or null when the amount of work is unknown. */
  fraction: number | null;
  message: string;
}

export interface HandlerContext {
  transport: Transport;
  progress(progress: Progress): void;
  signal: AbortSignal;
}

export type HostHandlers = {
  [M in HostMethod]: (input: HostParsedInput<M>, ctx: HandlerContext) => Promise<HostOutputs[M]>;
};

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  /** Aborting stops the work on the host side too (the call then fails with code "cancelled"). */
  signal?: AbortSignal;
}

/** What the renderer sees, whatever the transport. */
export type HostApi = {
  [M in HostMethod]: (input: HostInput<M>, options?: CallOptions) => Promise<HostOutputs[M]>;
};

export const hostMethods = Object.keys(hostContract) as HostMethod[];

export function isHostMethod(name: string): name is HostMethod {
  return Object.prototype.hasOwnProperty.call(hostContract, name);
}

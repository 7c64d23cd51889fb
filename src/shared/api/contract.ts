import { z } from 'zod';

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
  'media-probe': {
    input: z.object({
      path: z.string().min(1, 'Choose a file to inspect'),
    }).strict(),
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
}

export interface HostOutputs {
  'sync-host-share': { invite: string; status: SyncHostStatus };
  'sync-host-status': SyncHostStatus;
  'sync-host-stop': SyncHostStatus;
  'app-info': AppInfo;
  'media-tools-check': MediaToolsReport;
  'media-probe': MediaProbeResult;
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
}

/** What the renderer sees, whatever the transport. */
export type HostApi = {
  [M in HostMethod]: (input: HostInput<M>, options?: CallOptions) => Promise<HostOutputs[M]>;
};

export const hostMethods = Object.keys(hostContract) as HostMethod[];

export function isHostMethod(name: string): name is HostMethod {
  return Object.prototype.hasOwnProperty.call(hostContract, name);
}

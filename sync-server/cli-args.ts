import { parseArgs } from 'node:util';
import { DEFAULTS } from './server';
import { SyncServerError } from './errors';

export type Command =
  | { kind: 'serve' }
  | { kind: 'create-workspace'; name: string }
  | { kind: 'invite'; workspaceId: string }
  | { kind: 'revoke'; tokenOrPrefix: string }
  | { kind: 'verify' }
  | { kind: 'repair'; to: string }
  | { kind: 'backup'; to: string }
  | { kind: 'restore'; from: string }
  | { kind: 'help' };

export interface CliOptions {
  host: string;
  port: number;
  dataDir: string;
  cert?: string;
  key?: string;
  publicUrl?: string;
  maxMessageBytes: number;
  maxBlobBytes: number;
  maxConnectionsPerToken: number;
  /** Unset: the server's default (twice, and four times, the message limit at least). */
  maxInflightBytesPerToken?: number;
  maxInflightBytesPerWorkspace?: number;
}

export const USAGE = `Fanfare sync server

  sync-server [serve] [--host 127.0.0.1] [--port 1234] [--data ./sync-data]
                      [--cert cert.pem --key key.pem] [--public-url wss://sync.example.com]
                      [--max-message-mb 64] [--max-blob-mb 2048] [--max-connections-per-token 50]
                      [--max-inflight-mb-per-token 128] [--max-inflight-mb-per-workspace 256]
  sync-server create-workspace "Name" [--data DIR]   prints {"workspaceId","token","invite",…}
  sync-server invite WORKSPACE_ID [--data DIR]       a new invite (new token) for a workspace
  sync-server revoke TOKEN_OR_PREFIX [--data DIR]    the token stops working at once
  sync-server verify --data DIR                      checks every document and media file; exit 1 on a problem
  sync-server repair --data DIR --to NEWDIR          recovers what can be read into NEWDIR (DIR is not changed)
  sync-server backup --data DIR --to FOLDER|FILE.tar a consistent copy, also while the server runs
  sync-server restore --from BACKUP --data DIR       a backup back into a new or empty DIR

Invites point at ws://HOST:PORT from --host/--port (wss:// with --cert), or at --public-url.`;

/** Parses the command line; a mistake throws one plain sentence. */
export function parseCli(argv: string[]): { command: Command; options: CliOptions } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        host: { type: 'string', default: DEFAULTS.host },
        port: { type: 'string', default: String(DEFAULTS.port) },
        data: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        'public-url': { type: 'string' },
        'max-message-mb': { type: 'string' },
        'max-blob-mb': { type: 'string' },
        'max-connections-per-token': { type: 'string' },
        'max-inflight-mb-per-token': { type: 'string' },
        'max-inflight-mb-per-workspace': { type: 'string' },
        to: { type: 'string' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new SyncServerError(`${(error as Error).message.replace(/\.$/, '')}. Run with --help to see the options.`);
  }
  const { values, positionals } = parsed;
  const options: CliOptions = {
    host: values.host,
    port: integer(values.port, '--port', 0, 65535),
    dataDir: values.data ?? './sync-data',
    cert: values.cert,
    key: values.key,
    publicUrl: values['public-url'],
    maxMessageBytes: megabytes(values['max-message-mb'], '--max-message-mb', DEFAULTS.maxMessageBytes),
    maxBlobBytes: megabytes(values['max-blob-mb'], '--max-blob-mb', DEFAULTS.maxBlobBytes),
    maxConnectionsPerToken: values['max-connections-per-token'] === undefined
      ? DEFAULTS.maxConnectionsPerToken
      : integer(values['max-connections-per-token'], '--max-connections-per-token', 1, 100_000),
  };
  for (const [flag, key] of [['--max-inflight-mb-per-token', 'maxInflightBytesPerToken'], ['--max-inflight-mb-per-workspace', 'maxInflightBytesPerWorkspace']] as const) {
    const text = values[flag.slice(2) as 'max-inflight-mb-per-token' | 'max-inflight-mb-per-workspace'];
    if (text === undefined) continue;
    const bytes = megabytes(text, flag, 0);
    // A message of the largest size must fit, or it would be refused every time it is sent again.
    if (bytes < options.maxMessageBytes) throw new SyncServerError(`${flag} must be at least --max-message-mb (${options.maxMessageBytes / 1024 / 1024} MB), or the largest change could never be received.`);
    options[key] = bytes;
  }
  if (Boolean(options.cert) !== Boolean(options.key)) throw new SyncServerError('TLS needs both --cert and --key.');
  if (options.publicUrl && !/^wss?:\/\/[^\s/]+/.test(options.publicUrl)) {
    throw new SyncServerError('--public-url must start with ws:// or wss://, for example wss://sync.example.com.');
  }
  if (values.help) return { command: { kind: 'help' }, options };

  const [name = 'serve', ...rest] = positionals;
  const one = (what: string): string => {
    if (rest.length !== 1 || !rest[0].trim()) throw new SyncServerError(`"${name}" needs exactly one ${what}. Run with --help to see how.`);
    return rest[0];
  };
  const none = (): void => {
    if (rest.length) throw new SyncServerError(`"${name}" takes no other words; did you mean --data ${rest[0]}?`);
  };
  const required = (flag: 'to' | 'from', what: string): string => {
    const value = values[flag];
    if (!value?.trim()) throw new SyncServerError(`"${name}" needs --${flag}: ${what}.`);
    return value;
  };
  switch (name) {
    case 'serve':
      if (rest.length) throw new SyncServerError(`"serve" takes no other words; did you mean --data ${rest[0]}?`);
      return { command: { kind: 'serve' }, options };
    case 'create-workspace':
      return { command: { kind: 'create-workspace', name: one('workspace name (in quotes if it has spaces)') }, options };
    case 'invite':
      return { command: { kind: 'invite', workspaceId: one('workspace id') }, options };
    case 'revoke':
      return { command: { kind: 'revoke', tokenOrPrefix: one('token, or the first characters of one') }, options };
    case 'verify':
      none();
      return { command: { kind: 'verify' }, options };
    case 'repair':
      none();
      return { command: { kind: 'repair', to: required('to', 'the new folder to recover into, for example --to ./sync-data-repaired') }, options };
    case 'backup':
      none();
      return { command: { kind: 'backup', to: required('to', 'where the backup goes: a new folder, or a file ending in .tar') }, options };
    case 'restore':
      none();
      if (values.data === undefined) throw new SyncServerError('"restore" needs --data: the new or empty folder to restore into.');
      return { command: { kind: 'restore', from: required('from', 'the backup folder or .tar file') }, options };
    case 'help':
      return { command: { kind: 'help' }, options };
    default:
      throw new SyncServerError(`"${name}" is not a command. Use serve, create-workspace, invite, revoke, verify, repair, backup or restore.`);
  }
}

function integer(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new SyncServerError(`${flag} must be a whole number from ${min} to ${max}.`);
  return value;
}

function megabytes(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new SyncServerError(`${flag} must be a positive number of megabytes.`);
  return Math.round(value * 1024 * 1024);
}

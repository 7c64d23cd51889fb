#!/usr/bin/env node
// The sync server's command line: `serve` (the default) runs the server;
// `create-workspace`, `invite` and `revoke` change who may connect and work
// whether or not a server is running on the same --data folder; `verify`,
// `repair`, `backup` and `restore` look after the data folder (see
// docs/sync-server-backups.md).
import { readFileSync } from 'node:fs';
import { AccessStore } from './access-store';
import { backupDataFolder, describeBackup } from './backup';
import { parseCli, USAGE, type CliOptions } from './cli-args';
import { SyncServerError } from './errors';
import { describeInvite } from './issued-invite';
import { repairDataFolder } from './repair';
import { restoreBackup } from './restore';
import { createSyncServer } from './server';
import { verifyDataFolder } from './verify';

async function main(argv: string[]): Promise<void> {
  const { command, options } = parseCli(argv);
  switch (command.kind) {
    case 'help':
      console.log(USAGE);
      return;
    case 'serve':
      return serve(options);
    case 'create-workspace': {
      const { workspace, token } = new AccessStore(options.dataDir).createWorkspace(command.name);
      console.log(JSON.stringify(describeInvite(workspace, token, inviteUrl(options))));
      return;
    }
    case 'invite': {
      const { workspace, token } = new AccessStore(options.dataDir).issueToken(command.workspaceId);
      console.log(JSON.stringify(describeInvite(workspace, token, inviteUrl(options))));
      return;
    }
    case 'revoke': {
      const token = new AccessStore(options.dataDir).revoke(command.tokenOrPrefix);
      // A running server on this folder notices within a second and closes the token's connections.
      console.log(JSON.stringify({ revoked: true, tokenId: token.id, workspaceId: token.workspaceId, revokedAt: token.revokedAt }));
      return;
    }
    case 'verify': {
      const result = await verifyDataFolder(options.dataDir);
      console.log(result.lines.join('\n'));
      if (!result.ok) process.exitCode = 1;
      return;
    }
    case 'repair': {
      const result = await repairDataFolder(options.dataDir, command.to);
      console.log(result.lines.join('\n'));
      if (!result.ok) process.exitCode = 1;
      return;
    }
    case 'backup':
      console.log(describeBackup(await backupDataFolder(options.dataDir, command.to)).join('\n'));
      return;
    case 'restore': {
      const result = await restoreBackup(command.from, options.dataDir);
      console.log(`Restored ${result.rooms} document${result.rooms === 1 ? '' : 's'} into ${result.dataDir}. Check it with: sync-server verify --data ${result.dataDir}; start the server with --data ${result.dataDir}.`);
      return;
    }
    default:
      command satisfies never;
  }
}

async function serve(options: CliOptions): Promise<void> {
  const tls = options.cert && options.key ? { cert: readPem(options.cert), key: readPem(options.key) } : undefined;
  const server = await createSyncServer({
    host: options.host,
    port: options.port,
    dataDir: options.dataDir,
    tls,
    publicUrl: options.publicUrl,
    maxMessageBytes: options.maxMessageBytes,
    maxBlobBytes: options.maxBlobBytes,
    maxConnectionsPerToken: options.maxConnectionsPerToken,
    maxInflightBytesPerToken: options.maxInflightBytesPerToken,
    maxInflightBytesPerWorkspace: options.maxInflightBytesPerWorkspace,
  });
  let stopping = false;
  const stop = (signal: string): void => {
    // A second Ctrl+C while saving means "now": leave at once (LevelDB's log keeps what was written).
    if (stopping) process.exit(130);
    stopping = true;
    console.log(JSON.stringify({ time: new Date().toISOString(), event: 'stopping', signal }));
    server.close().then(
      () => exitWhenFlushed(0),
      (error: unknown) => fail(error),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function inviteUrl(options: CliOptions): string {
  if (options.publicUrl) return options.publicUrl;
  if (isWildcard(options.host)) {
    console.error(`Note: --host ${options.host} is not an address teammates can use; pass --public-url ws://<this computer's name or IP>:${options.port}.`);
  }
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return `${options.cert ? 'wss' : 'ws'}://${host}:${options.port}`;
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

function readPem(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new SyncServerError(`The TLS file ${path} could not be read.`);
  }
}

function fail(error: unknown): void {
  // One sentence for people; a stack trace only for bugs, and only when asked for.
  const known = error instanceof SyncServerError;
  const message = known ? error.message : `The sync server stopped because of an unexpected error: ${(error as Error)?.message ?? String(error)}`;
  console.error(message);
  if (!known && process.env.FANFARE_DEBUG) console.error(error);
  exitWhenFlushed(1);
}

/**
 * Exits once everything written to stdout and stderr has left the process.
 * process.exit() drops writes that are still queued, and writes to a pipe are
 * asynchronous on Windows and macOS: the last log line or the one-sentence
 * error would be lost, leaving whoever reads the output (a service manager, a
 * script) with nothing. An empty write's callback runs after every earlier one.
 */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const flushed = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

main(process.argv.slice(2)).catch(fail);

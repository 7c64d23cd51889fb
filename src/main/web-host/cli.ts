import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { createHostHandlers } from '../handlers';
import { SyncHost } from '../services/sync-host';
import { MediaStore } from '../services/media-store/media-store';
import { findPackageRoot } from '../services/package-root';
import { createWebHost, type WebHost } from './server';

/**
 * `node out/main/web-host.js [--port P] [--host H] [--renderer-dir D]`.
 * A taken port is reported and the process exits (1) instead of moving to
 * another port: the usual cause is Fanfare already running, and a second
 * copy on a new address would leave people with two apps and a stale tab.
 */
const DEFAULT_PORT = 5183;

interface CliOptions {
  port: number;
  host: string;
  rendererDir: string | null;
}

function fail(sentence: string): never {
  console.error(sentence);
  process.exit(1);
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: DEFAULT_PORT, host: '127.0.0.1', rendererDir: process.env.FANFARE_RENDERER_DIR ?? null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') {
      const text = value();
      const port = Number(text);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`"${text ?? ''}" is not a port number; use something like --port ${DEFAULT_PORT}.`);
      options.port = port;
    } else if (flag === '--host') {
      options.host = value() ?? fail('--host needs an address, for example --host 127.0.0.1.');
    } else if (flag === '--renderer-dir') {
      options.rendererDir = value() ?? fail('--renderer-dir needs a folder.');
    } else if (flag === '--help' || flag === '-h') {
      console.log(`Usage: npm run web -- [--port ${DEFAULT_PORT}] [--host 127.0.0.1]`);
      process.exit(0);
    } else {
      fail(`Fanfare does not understand "${argv[i]}"; it accepts --port and --host.`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const root = findPackageRoot();
  const rendererDir = resolve(options.rendererDir ?? join(root ?? process.cwd(), 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    fail('Fanfare’s screens have not been built yet; run "npm run web" (it builds them first) or "npm run build".');
  }

  let host: WebHost;
  let syncHost: SyncHost;
  const onQuit: (() => Promise<void>)[] = [];
  try {
    // Hosted team sync and media files live with the user's other Fanfare data (FANFARE_DATA_DIR to move it).
    const dataDir = process.env.FANFARE_DATA_DIR ?? join(homedir(), '.fanfare');
    syncHost = new SyncHost(join(dataDir, 'sync-host'));
    const handlers = createHostHandlers({ syncHost, mediaStore: new MediaStore(join(dataDir, 'media')), onQuit: (stop) => onQuit.push(stop) });
    host = await createWebHost({ port: options.port, host: options.host, rendererDir, handlers });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      fail(`Port ${options.port} is already in use (is Fanfare already running?); start it on another one with: npm run web -- --port ${options.port + 1}`);
    }
    if (code === 'EACCES') fail(`This computer does not allow Fanfare to use port ${options.port}; try a number above 1024 with --port.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`"${options.host}" is not an address of this computer; leave --host out to use 127.0.0.1.`);
    fail(`Fanfare could not start: ${(error as Error).message}`);
  }

  console.log(`Fanfare is running at ${host.url} — open it in your browser.`);
  // Team sync hosted from here before a restart comes back on its own.
  await syncHost.resume();
  if (syncHost.status().running) console.log(`Hosting team sync again at ${syncHost.status().addresses.join(', ')}.`);

  let stopping = false;
  const stop = () => {
    // A second Ctrl+C means "now", even if something is still closing.
    if (stopping) process.exit(130);
    stopping = true;
    void Promise.all([host.close(), syncHost.close(), ...onQuit.map((quit) => quit())]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => fail(`Fanfare could not start: ${error instanceof Error ? error.message : String(error)}`));

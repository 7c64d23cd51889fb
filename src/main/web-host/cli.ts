import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { createHostHandlers } from '../handlers';
import { SyncHost } from '../services/sync-host';
import { MediaStore } from '../services/media-store/media-store';
import { findPackageRoot } from '../services/package-root';
import { TeamServers } from '../services/team-servers';
import { replaceFile } from '../services/durable-file';
import { contentSecurityPolicy } from '../csp';
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
  // Hosted team sync and media files live with the user's other Fanfare data (FANFARE_DATA_DIR to move it).
  const dataDir = process.env.FANFARE_DATA_DIR ?? join(homedir(), '.fanfare');
  const linkFile = join(dataDir, 'web-link.txt');
  try {
    syncHost = new SyncHost(join(dataDir, 'sync-host'));
    const teamServers = new TeamServers(join(dataDir, 'team-servers.json'));
    const handlers = createHostHandlers({ syncHost, mediaStore: new MediaStore(join(dataDir, 'media')), teamServers, onQuit: (stop) => onQuit.push(stop) });
    host = await createWebHost({
      port: options.port,
      host: options.host,
      rendererDir,
      handlers,
      // Only the person who starts Fanfare can set their own process's environment, so a pinned key stays theirs.
      launchKey: launchKeyFromEnv(),
      linkFile,
      // Pages may connect to the team servers connected so far: asked afresh for every response.
      contentSecurityPolicy: () => contentSecurityPolicy(teamServers.origins()),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      fail(`Port ${options.port} is already in use (is Fanfare already running?); start it on another one with: npm run web -- --port ${options.port + 1}`);
    }
    if (code === 'EACCES') fail(`This computer does not allow Fanfare to use port ${options.port}; try a number above 1024 with --port.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') fail(`"${options.host}" is not an address of this computer; leave --host out to use 127.0.0.1.`);
    fail(`Fanfare could not start: ${(error as Error).message}`);
  }

  await saveLink(linkFile, host.openUrl);
  console.log(`Fanfare is running at ${host.url}`);
  console.log('Open this link in your browser (it is yours alone: it lets a browser into your workspaces until Fanfare stops):');
  console.log(`  ${host.openUrl}`);
  console.log(`The same link is saved in ${linkFile}, which only you can read.`);
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

function launchKeyFromEnv(): string | undefined {
  const key = process.env.FANFARE_WEB_KEY;
  if (key === undefined || key === '') return undefined;
  // The key travels in a URL and guards the whole app: refuse one that is short or needs escaping.
  if (!/^[A-Za-z0-9_-]{32,256}$/.test(key)) {
    fail('FANFARE_WEB_KEY must be at least 32 letters, digits, "-" or "_" (or leave it unset and Fanfare makes one).');
  }
  return key;
}

/**
 * The link, for reopening Fanfare after closing the terminal. 0600 from the
 * moment it exists (written to a fresh file, never into one another user
 * might have made readable), because it unlocks the API.
 */
async function saveLink(file: string, link: string): Promise<void> {
  try {
    await replaceFile(file, new TextEncoder().encode(`${link}\n`));
  } catch (error) {
    console.error(`Fanfare could not save its link in ${file} (${(error as Error).message}); use the link printed here.`);
  }
}

main().catch((error: unknown) => fail(`Fanfare could not start: ${error instanceof Error ? error.message : String(error)}`));

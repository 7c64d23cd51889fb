import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { SyncServerError } from '../../../sync-server/errors';
import { createSyncServer, type SyncServer } from '../../../sync-server/server';
import type { SyncHostStatus } from '../../shared/api/contract';
import { HostError } from '../../shared/api/errors';

type SyncHostReach = NonNullable<SyncHostStatus['reach']>;

function officeAddresses(): string[] {
  return Object.values(networkInterfaces()).flat()
    .filter((i): i is NonNullable<typeof i> => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

/**
 * "Host sync on this computer": the same sync server the team could run on
 * its own, embedded in the app. It listens on 127.0.0.1 unless the user asks
 * for the office network.
 */
export class SyncHost {
  private server: SyncServer | null = null;
  private reach: SyncHostReach | null = null;
  /** Why hosting did not come back at start, said until the person acts. */
  private problem: string | null = null;
  private readonly settingsFile: string;

  constructor(private readonly dataDir: string) {
    this.settingsFile = join(dataDir, 'hosting.json');
  }

  status(): SyncHostStatus {
    if (!this.server) return { running: false, reach: null, port: null, addresses: [], problem: this.problem };
    const addresses = this.reach === 'office-network' ? officeAddresses() : ['127.0.0.1'];
    return { running: true, reach: this.reach, port: this.server.port, addresses: addresses.map((a) => `ws://${a}:${this.server!.port}`), problem: null };
  }

  /**
   * Hosting survives a restart of the app: teammates' laptops reconnect to
   * the same address by themselves. Called once at start.
   */
  async resume(): Promise<void> {
    const saved = readSettings(this.settingsFile);
    if (!saved || this.server) return;
    try {
      await this.start(saved.reach, saved.port);
    } catch (error) {
      this.problem = `Hosting did not restart: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Starts (or restarts with new settings) and returns an invite for the workspace, creating its room on first use. */
  async share(options: { reach: SyncHostReach; port: number; workspaceId: string; workspaceName: string }): Promise<{ invite: string; status: SyncHostStatus }> {
    if (!this.server || this.reach !== options.reach || this.server.port !== options.port) {
      await this.close();
      await this.start(options.reach, options.port);
      writeSettings(this.settingsFile, { reach: options.reach, port: options.port });
    }
    this.problem = null;
    const server = this.server!;
    const issued = server.hasWorkspace(options.workspaceId)
      ? server.invite(options.workspaceId)
      : server.createWorkspace(options.workspaceName, options.workspaceId);
    return { invite: issued.invite, status: this.status() };
  }

  /** The person stops hosting: it stays off after a restart too. */
  async stop(): Promise<void> {
    rmSync(this.settingsFile, { force: true });
    this.problem = null;
    await this.close();
  }

  /** The app quits: hosting comes back when it starts again. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.reach = null;
    await server?.close();
  }

  private async start(reach: SyncHostReach, port: number): Promise<void> {
    const lan = officeAddresses()[0];
    if (reach === 'office-network' && !lan) {
      throw new HostError('not-available', 'This computer is not on a network right now. Connect to the office Wi-Fi or choose “This computer only”.');
    }
    try {
      this.server = await createSyncServer({
        host: reach === 'office-network' ? '0.0.0.0' : '127.0.0.1',
        port,
        dataDir: this.dataDir,
        publicUrl: reach === 'office-network' ? `ws://${lan}:${port}` : undefined,
        log: () => undefined,
      });
    } catch (error) {
      if (error instanceof SyncServerError && error.reason === 'port-in-use') {
        throw new HostError('not-available', `Port ${port} is already in use on this computer. Choose another port, for example ${port + 1}.`);
      }
      // The server's own errors are already one plain sentence.
      if (error instanceof SyncServerError) throw new HostError('not-available', error.message);
      throw error;
    }
    this.reach = reach;
  }
}

interface HostingSettings {
  reach: SyncHostReach;
  port: number;
}

function readSettings(file: string): HostingSettings | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<HostingSettings>;
    if ((parsed.reach === 'this-computer' || parsed.reach === 'office-network') && Number.isInteger(parsed.port)) return parsed as HostingSettings;
  } catch {
    // No file (never hosted, or stopped) or a damaged one: not hosting.
  }
  return null;
}

function writeSettings(file: string, settings: HostingSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(settings));
}

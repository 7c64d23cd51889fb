import { networkInterfaces } from 'node:os';
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

  constructor(private readonly dataDir: string) {}

  status(): SyncHostStatus {
    if (!this.server) return { running: false, reach: null, port: null, addresses: [] };
    const addresses = this.reach === 'office-network' ? officeAddresses() : ['127.0.0.1'];
    return { running: true, reach: this.reach, port: this.server.port, addresses: addresses.map((a) => `ws://${a}:${this.server!.port}`) };
  }

  /** Starts (or restarts with new settings) and returns an invite for the workspace, creating its room on first use. */
  async share(options: { reach: SyncHostReach; port: number; workspaceId: string; workspaceName: string }): Promise<{ invite: string; status: SyncHostStatus }> {
    if (!this.server || this.reach !== options.reach || this.server.port !== options.port) {
      await this.stop();
      const lan = officeAddresses()[0];
      if (options.reach === 'office-network' && !lan) {
        throw new HostError('not-available', 'This computer is not on a network right now. Connect to the office Wi-Fi or choose “This computer only”.');
      }
      try {
        this.server = await createSyncServer({
          host: options.reach === 'office-network' ? '0.0.0.0' : '127.0.0.1',
          port: options.port,
          dataDir: this.dataDir,
          publicUrl: options.reach === 'office-network' ? `ws://${lan}:${options.port}` : undefined,
          log: () => undefined,
        });
      } catch (error) {
        if (error instanceof SyncServerError && error.reason === 'port-in-use') {
          throw new HostError('not-available', `Port ${options.port} is already in use on this computer. Choose another port, for example ${options.port + 1}.`);
        }
        // The server's own errors are already one plain sentence.
        if (error instanceof SyncServerError) throw new HostError('not-available', error.message);
        throw error;
      }
      this.reach = options.reach;
    }
    const issued = this.server.hasWorkspace(options.workspaceId)
      ? this.server.invite(options.workspaceId)
      : this.server.createWorkspace(options.workspaceName, options.workspaceId);
    return { invite: issued.invite, status: this.status() };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.reach = null;
    await server?.close();
  }
}

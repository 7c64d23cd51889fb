import type { HostApi } from '../../../shared/api/contract';
import type { Invite } from '../../../shared/sync/invite';

/**
 * A page may connect only to the team servers its content security policy
 * names, and the policy is fixed when the page loads: it names the servers
 * the host knew then. Connecting a workspace to a server the host did not
 * know means telling the host (which then names it in every later policy)
 * and reloading the page.
 */

type TeamServerHost = Pick<HostApi, 'team-server-list' | 'team-server-remember'>;

let allowedAtLoad: Promise<ReadonlySet<string> | null> | null = null;

/** The team servers this page's policy names: asked once, as the page starts. Null: the host could not say. */
export function teamServersAllowedAtLoad(host: TeamServerHost): Promise<ReadonlySet<string> | null> {
  allowedAtLoad ??= host['team-server-list']({}).then((r) => new Set(r.origins), () => null);
  return allowedAtLoad;
}

/** `ws://host:1234/path` → `ws://host:1234`, as the host lists team servers. */
export function teamServerOriginOf(server: string): string | null {
  try {
    const url = new URL(server);
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

const RELOADED_KEY = 'fanfare.reloadedForTeamServer';

export type Admission = { ok: true; reload: boolean } | { ok: false; message: string };

/**
 * Tells the host this workspace syncs with the invite's server (files then
 * go there and nowhere else); with `check`, the host first asks the server
 * whether it accepts the invite, and a refusal comes back as the sentence. `reload`: this page cannot reach the server
 * until it reloads. A page reloads once per server: if the server is still
 * not allowed after that, the person is told instead of the page reloading
 * again and again.
 */
export async function admitTeamServer(host: TeamServerHost, invite: Invite, options: { check?: boolean; storage?: Storage } = {}): Promise<Admission> {
  const storage = options.storage ?? sessionStorage;
  const allowed = await teamServersAllowedAtLoad(host);
  try {
    // The host asks the server (the page may not be allowed to reach it yet).
    await host['team-server-remember']({ server: invite.server, workspaceId: invite.workspaceId, token: invite.token, check: options.check ?? false });
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const origin = teamServerOriginOf(invite.server);
  if (!allowed || !origin || allowed.has(origin)) return { ok: true, reload: false };
  if (storage.getItem(RELOADED_KEY) === origin) {
    return { ok: false, message: `This window cannot reach the team server at ${invite.server} yet. Close Fanfare and open it again to connect.` };
  }
  storage.setItem(RELOADED_KEY, origin);
  return { ok: true, reload: true };
}

import { encodeInvite } from '../src/shared/sync/invite';
import { tokenId } from './tokens';

/** What `create-workspace` and `invite` hand to the admin: the invite to paste, and its parts. */
export interface IssuedInvite {
  workspaceId: string;
  name: string;
  token: string;
  /** The token's short name, for `revoke` and the logs. */
  tokenId: string;
  server: string;
  invite: string;
}

export function describeInvite(workspace: { id: string; name: string }, token: string, serverUrl: string): IssuedInvite {
  const server = serverUrl.replace(/\/+$/, '');
  return {
    workspaceId: workspace.id,
    name: workspace.name,
    token,
    tokenId: tokenId(token),
    server,
    invite: encodeInvite({ server, workspaceId: workspace.id, token, name: workspace.name }),
  };
}

import type { Invite } from '../../../shared/sync/invite';
import { blobUrlOf } from '../../../shared/sync/server-url';

const NOTHING = '0'.repeat(64);

/**
 * Asks the team server whether it knows this invite before connecting, so a
 * wrong or revoked invite gets a plain sentence instead of endless retries.
 * A blob lookup needs the same token as sync: 401/403 means the token is not
 * accepted; any other answer means it is.
 */
export async function checkInvite(invite: Invite): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(`${blobUrlOf(invite.server, NOTHING)}?token=${encodeURIComponent(invite.token)}`, { method: 'HEAD', cache: 'no-store' });
  } catch {
    return `Fanfare cannot reach the team server at ${invite.server}. Check that it is running and that this computer can reach it, then try again.`;
  }
  if (response.status === 401 || response.status === 403) {
    return 'The team server does not accept this invite: it is wrong or was revoked. Ask your teammate for a new one.';
  }
  return null;
}

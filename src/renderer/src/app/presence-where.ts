import type { PeerPresence } from '../../../shared/sync/presence';
import { hrefFor, parseRoute } from './routes';

const screenNames: Record<string, string> = {
  overview: 'the overview',
  creators: 'the creator list',
  creator: 'a creator’s profile',
  'warm-list': 'the warm list',
  campaigns: 'campaigns',
  campaign: 'a campaign board',
  briefs: 'briefs',
  brief: 'a brief',
  trash: 'the trash',
  settings: 'settings',
  calendar: 'the calendar',
  tasks: 'tasks',
};

const fieldNames: Record<string, string> = { notes: 'the notes', body: 'the text' };

/** "Editing the notes on a creator’s profile", "Looking at the creator list". */
export function describeWhere(peer: PeerPresence): string {
  const place = screenNames[peer.at.screen] ?? 'the workspace';
  if (peer.editing) return `Editing ${fieldNames[peer.editing.field] ?? peer.editing.field} in ${place}`;
  return `Looking at ${place}`;
}

/** Where to go to join them. */
export function hrefForPresence(peer: PeerPresence): string {
  // Record screens live under their list's path: creator → #/creators/<id>.
  const hash = peer.at.recordId ? `#/${peer.at.screen}s/${encodeURIComponent(peer.at.recordId)}` : `#/${peer.at.screen}`;
  return hrefFor(parseRoute(hash));
}

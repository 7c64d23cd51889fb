import { initials } from '../domain/initials';

/**
 * Who else is in a workspace and where: announced through the sync server's
 * awareness channel, never saved. Each open window announces one state.
 */
export interface Teammate {
  /** Stable per person on one computer; the same person in two windows shares it. */
  id: string;
  name: string;
  color: string;
}

export interface PresenceLocation {
  /** The screen, as in the URL: "creators", "creator", "brief", … */
  screen: string;
  /** The record on screen, when there is one. */
  recordId?: string;
}

export interface PresenceState {
  user: Teammate;
  at: PresenceLocation;
  /** The record and field being typed into right now. */
  editing?: { recordId: string; field: string } | null;
}

export interface PeerPresence extends PresenceState {
  /** The awareness client id: one per open window. */
  clientId: number;
}

/** Distinct, and deep enough for the white initials drawn on them (4.8:1 or more; the lighter set was 2.5–4.4:1). */
export const presenceColors = ['#c2410c', '#1864ab', '#237032', '#ae3ec9', '#a85d00', '#0b7285', '#c2255c', '#5f3dc4'] as const;

export function presenceColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return presenceColors[hash % presenceColors.length];
}

/** "Alex Morgan" → "AM"; a single name gives its first two letters. */
export function initialsOf(name: string): string {
  return initials(name);
}

/** Reads one awareness state defensively: it comes from other people's apps, maybe older or newer. */
export function readPresence(clientId: number, state: unknown): PeerPresence | null {
  if (!state || typeof state !== 'object') return null;
  const { user, at, editing } = state as Partial<PresenceState>;
  if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return null;
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : presenceColor(user.id);
  const location: PresenceLocation = at && typeof at.screen === 'string'
    ? { screen: at.screen, ...(typeof at.recordId === 'string' ? { recordId: at.recordId } : {}) }
    : { screen: 'overview' };
  const typing = editing && typeof editing.recordId === 'string' && typeof editing.field === 'string'
    ? { recordId: editing.recordId, field: editing.field } : null;
  return { clientId, user: { id: user.id, name: user.name.slice(0, 80) || 'A teammate', color }, at: location, editing: typing };
}

/**
 * Everyone else, one entry per person (a teammate with two windows open
 * counts once; the window that is editing, if any, wins).
 */
export function teammatesOnline(peers: PeerPresence[], selfUserId: string): PeerPresence[] {
  const byUser = new Map<string, PeerPresence>();
  for (const peer of peers) {
    if (peer.user.id === selfUserId) continue;
    const seen = byUser.get(peer.user.id);
    if (!seen || (!seen.editing && peer.editing)) byUser.set(peer.user.id, peer);
  }
  return [...byUser.values()].sort((a, b) => a.user.name.localeCompare(b.user.name));
}

/** Who else has this record open, and what they are doing there. */
export function teammatesOn(recordId: string, peers: PeerPresence[], selfUserId: string): PeerPresence[] {
  return teammatesOnline(peers.filter((p) => p.at.recordId === recordId || p.editing?.recordId === recordId), selfUserId);
}

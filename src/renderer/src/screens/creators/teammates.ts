/**
 * The people a creator can be assigned to. There is no member list to
 * manage yet, so it is everyone the workspace knows of: this person, the
 * "member" records teammates' apps left behind when they assigned someone,
 * teammates online now, and anyone already owning a creator. An id nobody
 * has named yet is shown as such rather than guessed.
 */
export interface OwnerChoice {
  id: string;
  name: string;
  /** Shown as "You" in menus. */
  isMe: boolean;
  /** Whether a member record already names them for the team. */
  known: boolean;
}

export interface MemberRecord {
  id: string;
  name: string;
  data: { personId?: unknown };
}

export const UNKNOWN_TEAMMATE = 'Unknown teammate';

export function ownerChoices(
  me: { id: string; name: string },
  members: readonly MemberRecord[],
  online: readonly { id: string; name: string }[],
  ownerIds: Iterable<string>,
): OwnerChoice[] {
  const byId = new Map<string, OwnerChoice>();
  for (const m of members) {
    const id = typeof m.data.personId === 'string' ? m.data.personId : m.id;
    byId.set(id, { id, name: m.name, isMe: id === me.id, known: true });
  }
  const mine = byId.get(me.id);
  byId.set(me.id, { id: me.id, name: me.name, isMe: true, known: !!mine });
  for (const p of online) if (!byId.has(p.id)) byId.set(p.id, { id: p.id, name: p.name, isMe: false, known: false });
  for (const id of ownerIds) if (id && !byId.has(id)) byId.set(id, { id, name: UNKNOWN_TEAMMATE, isMe: false, known: false });
  return [...byId.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
}

import { describe, expect, it } from 'vitest';
import { initialsOf, presenceColor, presenceColors, readPresence, teammatesOn, teammatesOnline, type PeerPresence } from '../../../src/shared/sync/presence';

const peer = (clientId: number, userId: string, name: string, extra: Partial<PeerPresence> = {}): PeerPresence => ({
  clientId, user: { id: userId, name, color: presenceColor(userId) }, at: { screen: 'creators' }, editing: null, ...extra,
});

describe('presence', () => {
  it('reads states from other apps defensively', () => {
    expect(readPresence(1, null)).toBeNull();
    expect(readPresence(1, { user: { name: 'No id' } })).toBeNull();
    const read = readPresence(7, { user: { id: 'p1', name: 'Sam', color: 'red; background: url(x)' }, at: { screen: 'brief', recordId: 'b1' }, editing: { recordId: 'b1', field: 'body' } });
    expect(read).toEqual({ clientId: 7, user: { id: 'p1', name: 'Sam', color: presenceColor('p1') }, at: { screen: 'brief', recordId: 'b1' }, editing: { recordId: 'b1', field: 'body' } });
    expect(readPresence(8, { user: { id: 'p2', name: '' } })?.user.name).toBe('A teammate');
  });

  it('lists each teammate once, not me, preferring the window that is editing', () => {
    const peers = [
      peer(1, 'me', 'Me'),
      peer(2, 'sam', 'Sam'),
      peer(3, 'sam', 'Sam', { at: { screen: 'brief', recordId: 'b1' }, editing: { recordId: 'b1', field: 'body' } }),
      peer(4, 'alex', 'Alex'),
    ];
    const online = teammatesOnline(peers, 'me');
    expect(online.map((p) => p.user.name)).toEqual(['Alex', 'Sam']);
    expect(online[1].clientId).toBe(3);
    expect(teammatesOn('b1', peers, 'me').map((p) => p.user.name)).toEqual(['Sam']);
    expect(teammatesOn('b2', peers, 'me')).toEqual([]);
  });

  it('gives stable colours and readable initials', () => {
    expect(presenceColor('abc')).toBe(presenceColor('abc'));
    expect(presenceColors).toContain(presenceColor('xyz'));
    expect(initialsOf('Zoë Łukasiewicz')).toBe('ZŁ');
    expect(initialsOf('  alex ')).toBe('AL');
    expect(initialsOf('Priya Shah (you)')).toBe('PS');
    expect(initialsOf('')).toBe('?');
  });
});

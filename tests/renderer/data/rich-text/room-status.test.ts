import { describe, expect, it } from 'vitest';
import { withRooms, type RoomStatus } from '../../../../src/renderer/src/data/rich-text/room-status';
import type { SyncStatus } from '../../../../src/renderer/src/data/engine/protocol';

const synced: SyncStatus = { state: 'synced', waiting: 0, message: null, unsent: false };
const room = (state: RoomStatus['state'], waiting: number, sent: boolean): RoomStatus => ({ state, waiting, sent });

describe('the header adds every open document to the workspace', () => {
  it('is not Synced while a brief holds unsent text, and counts that brief as one change', () => {
    const status = withRooms(synced, [room('offline', 37, false), room('synced', 0, true)]);
    expect(status).toMatchObject({ state: 'offline', waiting: 1, unsent: true });
    expect(status.message).toMatch(/brief or note could not reach the team server/);
  });

  it('adds a document’s unsent text to the workspace’s own changes', () => {
    expect(withRooms({ state: 'offline', waiting: 4, message: null, unsent: true }, [room('offline', 2, false)])).toMatchObject({ state: 'offline', waiting: 5 });
  });

  it('lets a document that is still connecting with nothing to send leave the header alone', () => {
    expect(withRooms(synced, [room('connecting', 0, true)])).toEqual(synced);
  });

  it('says Sending, not Synced, while the workspace is connected and a document’s text is on its way', () => {
    expect(withRooms(synced, [room('synced', 3, false)])).toMatchObject({ state: 'synced', waiting: 1, unsent: true });
  });

  it('says nothing when the workspace has no team server', () => {
    const off: SyncStatus = { state: 'off', waiting: 0, message: null };
    expect(withRooms(off, [room('offline', 3, false)])).toBe(off);
  });
});

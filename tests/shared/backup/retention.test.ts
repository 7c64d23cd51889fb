import { describe, expect, it } from 'vitest';
import { backupsToDelete, type KeptBackup } from '../../../src/shared/backup/retention';

const day = (n: number, hour = 9) => new Date(Date.UTC(2026, 11, 31 - n, hour)).toISOString();

describe('which automatic backups are kept', () => {
  it('keeps the newest of each of the last 7 days, then one per week for 4 weeks', () => {
    const daily: KeptBackup[] = [];
    for (let n = 0; n < 60; n++) daily.push({ id: `d${n}`, workspaceId: 'ws', reason: 'daily', createdAt: day(n) });
    daily.push({ id: 'same-day-older', workspaceId: 'ws', reason: 'daily', createdAt: day(0, 1) });
    const doomed = new Set(backupsToDelete(daily));
    const kept = daily.filter((b) => !doomed.has(b.id)).map((b) => b.id);
    expect(kept.slice(0, 7)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect(kept).toHaveLength(11);
    expect(doomed.has('same-day-older')).toBe(true);
    // The weekly ones stand for four different weeks, each the newest of its week (31 Dec 2026 is a Thursday).
    expect(kept.slice(7)).toEqual(['d7', 'd11', 'd18', 'd25']);
  });

  it('keeps the last 5 taken before a big change, never one made by hand, and counts each workspace apart', () => {
    const list: KeptBackup[] = [];
    for (let n = 0; n < 8; n++) list.push({ id: `b${n}`, workspaceId: 'a', reason: n % 2 ? 'before-import' : 'before-merge', createdAt: day(n) });
    for (let n = 0; n < 3; n++) list.push({ id: `other${n}`, workspaceId: 'b', reason: 'before-import', createdAt: day(n) });
    list.push({ id: 'hand', workspaceId: 'a', reason: 'manual', createdAt: day(100) });
    expect(backupsToDelete(list).sort()).toEqual(['b5', 'b6', 'b7']);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { generateDemoWorkspace } from '../../../src/shared/demo/generate';
import { loadDemoRecords } from '../../../src/shared/demo/load';
import { notPostedQueue } from '../../../src/shared/domain/shipments';

describe('the sample brand’s seeding and codes', () => {
  it('has a catalogue, shipments in every state with one re-shipment, opt-ins, codes with sales, all valid for the real commands', () => {
    const store = new WorkspaceStore(new Y.Doc());
    loadDemoRecords(store, generateDemoWorkspace({ creators: 400 }));
    const shipments = store.list('shipments');
    const statuses = new Set(shipments.map((s) => s.status));
    expect(statuses).toEqual(new Set(['shipped', 'delivered', 'reshipped']));
    const reshipped = shipments.filter((s) => s.replacesId);
    expect(reshipped).toHaveLength(1);
    expect(shipments.find((s) => s.id === reshipped[0].replacesId)?.status).toBe('reshipped');
    expect(new Set(shipments.map((s) => s.orderName)).size).toBe(shipments.length);
    expect(shipments.every((s) => s.address?.line1 && s.trackingNumber && s.items.length)).toBe(true);
    expect(store.list('products').length).toBeGreaterThanOrEqual(4);
    const optedIn = store.list('engagements').filter((e) => e.optIn);
    expect(optedIn.length).toBeGreaterThan(shipments.length / 2);
    // Some opted-in creators have an address but no parcel yet: the screen has work to show.
    const shippedTo = new Set(shipments.map((s) => s.creatorId));
    expect(optedIn.filter((e) => !shippedTo.has(e.creatorId)).length).toBeGreaterThanOrEqual(2);
    const posts = store.list('content');
    const queue = notPostedQueue(shipments, posts, new Date('2026-11-01T12:00:00Z'), 0);
    expect(queue.length).toBeGreaterThan(0);
    // Creators who posted got their parcel before the post: they are not chased.
    const posters = new Set(posts.filter((p) => p.kind === 'post').map((p) => p.creatorId));
    expect(queue.filter((q) => posters.has(q.creatorId))).toEqual([]);
    const allCodes = store.list('codes');
    expect(new Set(allCodes.map((c) => c.code)).size).toBe(allCodes.length);
    // The Run Club program's codes (other sample campaigns have codes of their own).
    const codes = allCodes.filter((c) => c.ruleId);
    expect(codes.length).toBeGreaterThan(3);
    expect(codes.every((c) => c.orders! > 0 && c.revenue!.amountMicros > 0 && c.ruleId === 'demo-code-rule-run-club')).toBe(true);
    expect(store.list('settings').filter((s) => s.kind === 'code-rule')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { splitUpdate } from '../../../src/shared/sync/split-update';

/** Everything a document's content and history amount to, comparable with toEqual. */
function stateOf(doc: Y.Doc) {
  return {
    stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)),
    deletes: Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).ds.clients,
    creators: doc.getMap('creators').toJSON(),
    list: doc.getArray('list').toArray().map((v) => (v instanceof Y.Doc ? { subdocument: v.guid } : v)),
    text: doc.getText('text').toDelta(),
    xml: doc.getXmlFragment('xml').toString(),
    pending: [doc.store.pendingStructs, doc.store.pendingDs],
  };
}

/** Applies the pieces in order to a fresh document; checks each piece's size and that none waits for a later one. */
function applyPieces(pieces: Uint8Array[], maxBytes: number, into = new Y.Doc()): Y.Doc {
  for (const piece of pieces) {
    expect(piece.length).toBeLessThanOrEqual(maxBytes);
    Y.applyUpdate(into, piece);
    expect(into.store.pendingStructs).toBeNull();
  }
  return into;
}

function expectSameDocument(original: Y.Doc, update: Uint8Array, maxBytes: number): Uint8Array[] {
  const pieces = splitUpdate(update, maxBytes);
  const copy = applyPieces(pieces, maxBytes, new Y.Doc({ gc: original.gc }));
  expect(stateOf(copy)).toEqual(stateOf(original));
  expect(Y.equalSnapshots(Y.snapshot(copy), Y.snapshot(original))).toBe(true);
  expect(Buffer.from(Y.encodeStateAsUpdate(copy)).equals(Buffer.from(Y.encodeStateAsUpdate(original)))).toBe(true);
  // Merged into one (as the server stores them), they are the same document too.
  const merged = new Y.Doc({ gc: original.gc });
  Y.applyUpdate(merged, Y.mergeUpdates(pieces));
  expect(stateOf(merged)).toEqual(stateOf(original));
  return pieces;
}

/** Several teammates editing the same types, each edit seen by the others: structs of one client point at other clients'. */
function teamDocument(clients: number, rounds: number): Y.Doc {
  const docs = Array.from({ length: clients }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = 1000 + i;
    return doc;
  });
  const everyone = (update: Uint8Array, origin: unknown) => {
    for (const doc of docs) if (doc !== origin) Y.applyUpdate(doc, update, 'peer');
  };
  docs.forEach((doc) => doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && everyone(update, doc)));
  for (let round = 0; round < rounds; round++) {
    docs.forEach((doc, i) => {
      doc.transact(() => {
        const creators = doc.getMap<Y.Map<unknown>>('creators');
        const id = `c${round}-${i}`;
        const creator = new Y.Map<unknown>();
        creators.set(id, creator);
        creator.set('name', `Creator ${round}·${i} 🎬 Zoë`);
        creator.set('followers', round * 1000 + i);
        creator.set('tags', ['fitness', 'ugc', { nested: [1, 2.5, null, true] }]);
        const socials = new Y.Map<unknown>();
        creator.set('socials', socials);
        socials.set('instagram', `@creator_${id}`);
        // Edit someone else's creator: points at another client's type.
        const other = creators.get(`c${round}-${(i + 1) % clients}`) ?? creators.get(`c${Math.max(0, round - 1)}-${(i + 1) % clients}`);
        other?.set('note', `seen by ${i}`);
        const list = doc.getArray<string>('list');
        list.insert(Math.floor(list.length / 2), [`item ${round}-${i}`]);
        if (list.length > 6 && round % 3 === 0) list.delete(1, 2);
        const text = doc.getText('text');
        text.insert(Math.floor(text.length / 3), `r${round}c${i} `, i % 2 ? { bold: true } : undefined);
        if (text.length > 20 && i % 4 === 0) text.delete(3, 4);
        if (round % 5 === 0 && i === 0) creators.delete(`c${round > 0 ? round - 1 : 0}-${clients - 1}`);
      });
    });
  }
  for (const doc of docs.slice(1)) doc.destroy();
  return docs[0];
}

describe('splitUpdate', () => {
  it('gives back an update that is already small enough as it is', () => {
    const doc = teamDocument(2, 2);
    const update = Y.encodeStateAsUpdate(doc);
    expect(splitUpdate(update, update.length)).toEqual([update]);
  });

  it('splits a document many teammates edited, in an order where no piece waits for a later one', () => {
    const doc = teamDocument(12, 30);
    const update = Y.encodeStateAsUpdate(doc);
    const pieces = expectSameDocument(doc, update, 4096);
    expect(pieces.length).toBeGreaterThan(update.length / 4096);
  });

  it('splits one client with a huge history by clock ranges: nested maps, text with formats, xml, bytes, a subdocument, deletions', () => {
    const doc = new Y.Doc();
    const creators = doc.getMap<Y.Map<unknown>>('creators');
    doc.transact(() => {
      for (let i = 0; i < 3000; i++) {
        const creator = new Y.Map<unknown>();
        creators.set(`creator-${i}`, creator);
        creator.set('name', `Ünïcode ${'😀'.repeat(i % 7)} ${i}`);
        creator.set('avatar', new Uint8Array([i % 256, 1, 2, 3]));
        creator.set('score', i % 2 ? i / 3 : -i);
        creator.set('big', BigInt(i) * 1_000_000_000_000n);
        const profile = new Y.Map<unknown>();
        creator.set('profile', profile);
        profile.set('bio', `bio ${i}`.repeat(3));
        if (i % 10 === 0) creator.delete('score');
      }
    });
    for (let i = 0; i < 3000; i += 7) creators.delete(`creator-${i}`);
    const text = doc.getText('text');
    text.insert(0, 'Hello world, a brief body with 😀 emoji and more words. '.repeat(200));
    text.format(10, 400, { italic: true });
    text.insertEmbed(5, { image: 'x.png' });
    text.delete(100, 1000);
    const xml = doc.getXmlFragment('xml');
    const p = new Y.XmlElement('p');
    p.setAttribute('class', 'lead');
    p.insert(0, [new Y.XmlText('paragraph')]);
    xml.insert(0, [p, new Y.XmlHook('hook') as unknown as Y.XmlElement]);
    doc.getArray('list').insert(0, [new Y.Doc({ guid: 'sub' })]);
    const update = Y.encodeStateAsUpdate(doc);
    const pieces = expectSameDocument(doc, update, 16 * 1024);
    expect(pieces.length).toBeGreaterThan(10);
  });

  it('splits a delete set too big for one piece into pieces of its own', () => {
    const doc = new Y.Doc({ gc: false });
    const list = doc.getArray<number>('list');
    // Separate insertions, so every other deletion is a range of its own.
    for (let i = 0; i < 4000; i++) list.push([i]);
    for (let i = list.length - 1; i >= 0; i -= 2) list.delete(i, 1);
    const update = Y.encodeStateAsUpdate(doc);
    expect(Y.decodeUpdate(update).ds.clients.get(doc.clientID)!.length).toBeGreaterThan(1000);
    const pieces = expectSameDocument(doc, update, 1024);
    expect(pieces.filter((piece) => Y.decodeUpdate(piece).structs.length === 0).length).toBeGreaterThan(1);
  });

  it('splits what a peer lacks (a diff whose structs point into what it has)', () => {
    const doc = teamDocument(5, 10);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (let i = 0; i < 400; i++) doc.getMap<Y.Map<unknown>>('creators').get('c0-1')!.set(`field${i}`, `value ${i}`);
      doc.getText('text').insert(5, 'inserted later '.repeat(50));
      doc.getArray('list').delete(0, 3);
    });
    const diff = Y.encodeStateAsUpdate(doc, before);
    expect(splitUpdate(diff, 2048).length).toBeGreaterThan(3);
    applyPieces(splitUpdate(diff, 2048), 2048, peer);
    expect(stateOf(peer)).toEqual(stateOf(doc));
  });

  it('puts a single struct bigger than the limit in a piece of its own rather than losing it', () => {
    const doc = new Y.Doc();
    doc.getMap('creators').set('small', 'x');
    doc.getMap('creators').set('huge', 'y'.repeat(50_000));
    doc.getMap('creators').set('after', 'z');
    const update = Y.encodeStateAsUpdate(doc);
    const pieces = splitUpdate(update, 10_000);
    expect(pieces.some((piece) => piece.length > 50_000)).toBe(true);
    const copy = new Y.Doc();
    for (const piece of pieces) Y.applyUpdate(copy, piece);
    expect(stateOf(copy)).toEqual(stateOf(doc));
  });

  it('refuses bytes that are not an update, so the caller can send them as they are', () => {
    const update = Y.encodeStateAsUpdate(teamDocument(3, 5));
    expect(() => splitUpdate(update.subarray(0, update.length - 9), 512)).toThrow();
    expect(() => splitUpdate(new Uint8Array(5000).fill(255), 512)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { addReference, emptySwipeFilter, fileSwipeOperations, isNotOurs, filterSwipes, readLink, removeReference, swipeFacets, swipeLabel, type SwipeLike } from '../../../src/shared/domain/swipe-file';

const item = (over: Partial<SwipeLike>): SwipeLike => ({
  id: over.id ?? 'x', kind: 'link', url: '', title: '', description: '', notes: '', tags: [], board: '', ownerKind: 'competitor', ownerName: '', ...over,
});

const items = [
  item({ id: 'a', kind: 'link', title: 'Glossier summer ad', url: 'https://glossier.com/ad', board: 'Summer launch ideas', tags: ['Hook'], ownerName: 'Glossier' }),
  item({ id: 'b', kind: 'idea', title: 'Crème unboxing', notes: 'one take, no cuts', board: 'summer launch ideas ', tags: ['unboxing'], ownerKind: 'ours' }),
  item({ id: 'c', kind: 'file', title: 'Rare Beauty story', board: 'Holiday', tags: ['hook', 'story'], ownerName: 'Rare Beauty' }),
  item({ id: 'd', kind: 'link', url: 'https://tiktok.com/@mia/video/1', ownerKind: 'creator', ownerName: 'Mia Chen', tags: [] }),
];
const ids = (filter: Partial<typeof emptySwipeFilter>) => filterSwipes(items, { ...emptySwipeFilter, ...filter }).map((s) => s.id);

describe('filterSwipes', () => {
  it('filters by board, tag, owner and kind, ignoring case, accents and stray spaces', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ board: 'Summer Launch Ideas' })).toEqual(['a', 'b']);
    expect(ids({ tags: ['HOOK'] })).toEqual(['a', 'c']);
    expect(ids({ tags: ['hook', 'story'] })).toEqual(['c']);
    expect(ids({ owner: 'glossier' })).toEqual(['a']);
    expect(ids({ owner: 'ours' })).toEqual(['b']);
    expect(ids({ kind: 'file' })).toEqual(['c']);
    expect(ids({ kind: 'link', board: 'Holiday' })).toEqual([]);
  });

  it('searches every word in titles, notes, links, boards, owners and tags', () => {
    expect(ids({ text: 'creme' })).toEqual(['b']);
    expect(ids({ text: 'no cuts' })).toEqual(['b']);
    expect(ids({ text: 'tiktok mia' })).toEqual(['d']);
    expect(ids({ text: 'rare story' })).toEqual(['c']);
    expect(ids({ text: 'rare summer' })).toEqual([]);
  });
});

describe('swipeFacets', () => {
  it('offers each board, tag and owner once, in the first spelling', () => {
    const f = swipeFacets(items);
    expect(f.boards).toEqual(['Holiday', 'Summer launch ideas']);
    expect(f.tags).toEqual(['Hook', 'story', 'unboxing']);
    expect(f.owners).toEqual([{ value: 'ours', label: 'Our brand' }, { value: 'glossier', label: 'Glossier' }, { value: 'mia chen', label: 'Mia Chen' }, { value: 'rare beauty', label: 'Rare Beauty' }]);
  });
});

describe('readLink', () => {
  it('adds https:// to a pasted address and keeps http(s) links as they are', () => {
    expect(readLink(' glossier.com/products/balm ')).toEqual({ url: 'https://glossier.com/products/balm', problem: null });
    expect(readLink('http://example.com')).toEqual({ url: 'http://example.com/', problem: null });
    expect(readLink('localhost:8080/x').url).toBe('https://localhost:8080/x');
  });

  it('refuses what is not a web page, saying why', () => {
    expect(readLink('').problem).toMatch(/Paste a link/);
    expect(readLink('javascript:alert(1)').problem).toMatch(/Only web links.*javascript:/);
    expect(readLink('file:///etc/passwd').problem).toMatch(/Only web links.*file:/);
    expect(readLink('mailto:a@b.com').problem).toMatch(/mailto:/);
    expect(readLink('summer').problem).toMatch(/no domain/);
    expect(readLink('https://me:secret@example.com').problem).toMatch(/user name and password/);
  });
});

describe('brief references', () => {
  it('adds at the end once, refuses past fifty, and removes', () => {
    expect(addReference(['a'], 'b')).toEqual({ references: ['a', 'b'], problem: null, already: false });
    expect(addReference(['a', 'b'], 'a')).toEqual({ references: ['a', 'b'], problem: null, already: true });
    const full = Array.from({ length: 50 }, (_, i) => `r${i}`);
    expect(addReference(full, 'z').problem).toMatch(/50 references/);
    expect(removeReference(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });

  it('names an item by its title, else its link, file or first line', () => {
    expect(swipeLabel({ kind: 'link', title: '', url: 'https://www.glossier.com/ad/1', notes: '' })).toBe('glossier.com/ad/1');
    expect(swipeLabel({ kind: 'file', title: '', url: '', notes: '' }, 'shot.png')).toBe('shot.png');
    expect(swipeLabel({ kind: 'idea', title: '', url: '', notes: 'Duet the review\nmore' })).toBe('Duet the review');
  });
});

describe('fileSwipeOperations', () => {
  const draft = { kind: 'file' as const, url: '', title: 'Their summer story', notes: 'great hook', tags: ['hook'], board: ' Summer launch ideas ', ownerKind: 'competitor' as const, ownerName: ' Glossier ' };
  const stored = { sha256: 'b'.repeat(64), fileName: 'story.png', mimeType: 'image/png', kind: 'image' as const, sizeBytes: 10, width: 1080, height: 1920, durationSeconds: null, videoCodec: '', audioCodec: '' };

  it('stores an uploaded screenshot as the competitor’s swipe-file asset and the item pointing at it, in one step', () => {
    const store = new WorkspaceStore(new Y.Doc(), { actorId: 'me' });
    let n = 0;
    store.applyAll(fileSwipeOperations(draft, { uploaded: stored }, () => `id${++n}`));
    expect(store.get('assets', 'id1')).toMatchObject({ source: 'swipe-file', ownerKind: 'competitor', ownerName: 'Glossier', tags: ['hook'] });
    expect(store.get('swipes', 'id2')).toMatchObject({ kind: 'file', assetId: 'id1', board: 'Summer launch ideas', ownerName: 'Glossier' });
    expect(isNotOurs(store.get('assets', 'id1')!)).toBe(true);
  });

  it('marks an existing unmarked file as theirs, and leaves a marked one alone', () => {
    expect(fileSwipeOperations(draft, { asset: { id: 'a1', ownerKind: null } }, () => 's1').map((o) => o.kind)).toEqual(['update', 'create']);
    expect(fileSwipeOperations(draft, { asset: { id: 'a1', ownerKind: 'ours' } }, () => 's1').map((o) => o.kind)).toEqual(['create']);
    expect(isNotOurs({ source: 'ugc', ownerKind: null })).toBe(false);
    expect(isNotOurs({ source: 'swipe-file', ownerKind: 'ours' })).toBe(false);
  });
});

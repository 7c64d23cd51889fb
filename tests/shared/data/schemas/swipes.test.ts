import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommandError } from '../../../../src/shared/data/command-error';
import { collectionNames } from '../../../../src/shared/data/schemas';
import { WorkspaceStore } from '../../../../src/shared/data/store';

const store = () => new WorkspaceStore(new Y.Doc(), { actorId: 'me' });

function fieldsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandError) return error.fields;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('swipes collection', () => {
  it('is the thirteenth and last collection RxDB allows', () => {
    expect(collectionNames).toHaveLength(13);
    expect(collectionNames).toContain('swipes');
  });

  it('keeps a link saved offline with no title yet, and an idea, with defaults', () => {
    const s = store();
    const link = s.create('swipes', { kind: 'link', url: 'https://example.com/ad', ownerName: 'Glossier', board: 'Summer launch ideas' });
    expect(link).toMatchObject({ title: '', thumbnail: '', fetchedAt: null, fetchProblem: null, ownerKind: 'competitor', tags: [] });
    const idea = s.create('swipes', { kind: 'idea', title: 'Unboxing in one take', ownerKind: 'ours' });
    expect(idea.ownerName).toBe('');
  });

  it('refuses what cannot be an item, naming the field', () => {
    const s = store();
    expect(fieldsOf(() => s.create('swipes', { kind: 'link', url: 'javascript:alert(1)', ownerKind: 'ours' })).url).toMatch(/http/);
    expect(fieldsOf(() => s.create('swipes', { kind: 'idea', ownerKind: 'ours' })).title).toMatch(/Write the idea/);
    expect(fieldsOf(() => s.create('swipes', { kind: 'file', ownerKind: 'ours' })).assetId).toMatch(/Library file/);
    expect(fieldsOf(() => s.create('swipes', { kind: 'idea', title: 'x', ownerKind: 'competitor' })).ownerName).toBe('Name the competitor');
    expect(fieldsOf(() => s.create('swipes', { kind: 'idea', title: 'x', ownerKind: 'ours', thumbnail: 'https://cdn.example.com/a.jpg' })).thumbnail).toMatch(/JPEG data: URL/);
    expect(fieldsOf(() => s.create('swipes', { kind: 'idea', title: 'x', ownerKind: 'ours', thumbnail: `data:image/jpeg;base64,${'A'.repeat(40_000)}` })).thumbnail).toMatch(/too large/);
  });

  it('marks an asset as a competitor’s, and leaves older assets unmarked', () => {
    const s = store();
    const sha256 = 'a'.repeat(64);
    const plain = s.create('assets', { sha256, fileName: 'a.jpg', kind: 'image', sizeBytes: 1 });
    expect(plain.ownerKind).toBeNull();
    const theirs = s.create('assets', { sha256, fileName: 'b.jpg', kind: 'image', sizeBytes: 1, source: 'swipe-file', ownerKind: 'competitor', ownerName: 'Glossier' });
    expect(theirs).toMatchObject({ source: 'swipe-file', ownerKind: 'competitor', ownerName: 'Glossier' });
  });
});

import { describe, expect, it } from 'vitest';
import { CreatorSearchIndex } from '../../../src/renderer/src/data/search-index';

const creators = [
  { id: 'zoe', name: 'Zoë Łukasiewicz', handles: ['zoe.runs'], emails: [{ address: 'zoe@trailmail.com' }], tags: ['vip'], notes: 'Loves trail running' },
  { id: 'alena', name: 'Алёна Шевченко', handles: ['alena.k'], emails: [], tags: ['great-ugc'], notes: '' },
  { id: 'nguyen', name: 'Nguyễn Thị Hương', handles: ['huongcooks'], emails: [{ address: 'huong@example.vn' }], tags: [], notes: '' },
  { id: 'gone', name: 'Quentin Deleted', handles: ['quentin.b'], emails: [], tags: [], notes: '', deletedAt: '2026-01-01T00:00:00Z' },
];

async function index() {
  const i = new CreatorSearchIndex();
  await i.addAll(creators);
  return i;
}

describe('creator search', () => {
  it('finds by name without accents, by typo, by handle forms, email and tag', async () => {
    const i = await index();
    expect(i.search('lukasiewicz')).toEqual(['zoe']);
    expect(i.search('lukasiewitz')).toEqual(['zoe']);
    expect(i.search('@zoe.runs')[0]).toBe('zoe');
    expect(i.search('https://www.instagram.com/zoe.runs/')[0]).toBe('zoe');
    expect(i.search('trailmail')).toEqual(['zoe']);
    expect(i.search('great-ugc')).toEqual(['alena']);
    expect(i.search('Алёна')).toEqual(['alena']);
    expect(i.search('nguyen huong')).toEqual(['nguyen']);
  });

  it('leaves out creators in the trash and follows updates', async () => {
    const i = await index();
    expect(i.search('quentin')).toEqual([]);
    i.upsert({ ...creators[3], deletedAt: null });
    expect(i.search('quentin')).toEqual(['gone']);
    i.remove('gone');
    expect(i.search('quentin')).toEqual([]);
    i.upsert({ ...creators[0], name: 'Zoë Runner' });
    expect(i.search('lukasiewicz')).toEqual([]);
  });
});

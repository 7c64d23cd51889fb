import { describe, expect, it } from 'vitest';
import type { FieldKey } from '../../../src/shared/import/fields';
import { readRow, rowContext } from '../../../src/shared/import/row';
import type { ImportSettings } from '../../../src/shared/import/types';

function reader(columns: Record<string, FieldKey>, settings: Partial<ImportSettings> = {}) {
  const headers = Object.keys(columns);
  const ctx = rowContext(headers, { mapping: Object.values(columns), defaultPlatform: null, rateScale: 'fraction', onHandleMatch: 'skip', onEmailMatch: 'skip', ...settings });
  return (values: Record<string, string | number>) => readRow(headers.map((h) => values[h] ?? ''), ctx);
}

describe('a row of the file as a creator', () => {
  it('builds the creator: accounts, emails, place, address, lists and notes', () => {
    const read = reader({
      'First name': 'firstName', 'Last name': 'lastName', Instagram: 'instagram.handle', 'IG followers': 'instagram.followers', ER: 'instagram.engagementRate',
      TikTok: 'tiktok.handle', Email: 'email', Location: 'location', Address: 'address.line1', Zip: 'address.postalCode', 'Ship to': 'address.country',
      Languages: 'languages', Tags: 'tags', Notes: 'notes', Gender: 'appendToNotes',
    });
    const row = read({
      'First name': 'Zoë', 'Last name': 'Müller', Instagram: 'https://www.instagram.com/Zoe.Runs/', 'IG followers': '12.500', ER: '3,4%',
      TikTok: '@zoeruns', Email: 'Zoe@Example.com; zoe.work@example.com', Location: 'München, Bayern, Germany', Address: 'Hauptstr. 1', Zip: '80331', 'Ship to': 'DE',
      Languages: 'Deutsch, en', Tags: 'vip; running, VIP', Notes: 'Loves trails', Gender: 'female',
    });
    expect(row.problems).toEqual([]);
    expect(row.fields).toMatchObject({
      name: 'Zoë Müller',
      accounts: [
        { platform: 'instagram', handle: 'zoe.runs', url: 'https://www.instagram.com/Zoe.Runs/', followers: 12_500, engagementRate: 0.034 },
        { platform: 'tiktok', handle: 'zoeruns', followers: null },
      ],
      emails: [{ address: 'zoe@example.com', primary: true }, { address: 'zoe.work@example.com', primary: false }],
      location: { city: 'München', region: 'Bayern', country: 'DE' },
      shippingAddress: { name: 'Zoë Müller', line1: 'Hauptstr. 1', postalCode: '80331', country: 'DE' },
      languages: ['de', 'en'],
      tags: ['vip', 'running'],
      notes: 'Loves trails\nGender: female',
    });
  });

  it('names a row with no name after its handle or email, and says so', () => {
    const read = reader({ Username: 'account.handle', Email: 'email' }, { defaultPlatform: 'tiktok' });
    expect(read({ Username: '@maya.moves' })).toMatchObject({ label: '@maya.moves', derivedName: true, notes: ['No name in the file: listed as @maya.moves.'], fields: { accounts: [{ platform: 'tiktok', handle: 'maya.moves' }] } });
    expect(read({ Email: 'maya@example.com' }).fields?.name).toBe('maya@example.com');
    expect(read({}).problems).toEqual([{ column: '—', value: '', reason: expect.stringContaining('nothing that says who it is') }]);
  });

  it('tells the platform from a Platform column, a profile link, or the file’s platform — or asks', () => {
    const read = reader({ Handle: 'account.handle', Platform: 'account.platform', Followers: 'account.followers' });
    expect(read({ Handle: 'maya', Platform: 'Twitter' }).fields?.accounts[0].platform).toBe('x');
    expect(read({ Handle: 'https://www.youtube.com/@mayamoves' }).fields?.accounts[0]).toMatchObject({ platform: 'youtube', handle: 'mayamoves' });
    expect(read({ Handle: 'maya', Platform: 'Myspace' }).problems[0]).toMatchObject({ column: 'Platform', value: 'Myspace', reason: expect.stringContaining('not a platform Fanfare knows') });
    // A bare handle is not a problem of the row: the plan places it by the creator the row matches, or asks.
    const bare = read({ Handle: 'maya', Followers: '1200' });
    expect(bare.problems).toEqual([]);
    expect(bare.unplaced).toEqual([{ column: 'Handle', value: 'maya', handle: 'maya', followers: 1200, avgViews: null, engagementRate: null }]);
    expect(bare.fields?.accounts).toEqual([]);
    expect(read({ Followers: '1200' }).problems[0]).toMatchObject({ column: 'Followers', reason: expect.stringContaining('no handle or profile link') });
  });

  it('gives every problem with its column, value and reason, and imports nothing of a bad row', () => {
    const read = reader({ Name: 'name', Instagram: 'instagram.handle', Followers: 'instagram.followers', ER: 'instagram.engagementRate', Email: 'email', Country: 'location.country', Phone: 'phone' });
    const row = read({ Name: 'Ana', Instagram: 'https://www.tiktok.com/@ana', Email: 'ana@@example', Country: 'Atlantis', Phone: '4.47911E+11' });
    expect(row.fields).toBeNull();
    expect(row.problems).toEqual([
      { column: 'Email', value: 'ana@@example', reason: '“ana@@example” is not an email address.' },
      { column: 'Phone', value: '4.47911E+11', reason: expect.stringContaining('scientific notation') },
      { column: 'Instagram', value: 'https://www.tiktok.com/@ana', reason: '“https://www.tiktok.com/@ana” is a TikTok link, but this column is for Instagram.' },
    ]);
    expect(read({ Name: 'Sam', Instagram: 'Sam Smith' }).problems[0].reason).toContain('has spaces');
    expect(read({ Name: 'Lia', Instagram: '@lia', Followers: '-5', ER: '250%' }).problems.map((p) => p.column)).toEqual(['Followers', 'ER']);
  });

  it('traces the schema’s own limits back to the column that broke them', () => {
    const read = reader({ Name: 'name', Handle: 'instagram.handle', Notes: 'notes' });
    const row = read({ Name: 'x'.repeat(201), Handle: 'ok', Notes: 'fine' });
    expect(row.problems).toEqual([{ column: 'Name', value: 'x'.repeat(201), reason: 'Keep this under 200 characters' }]);
  });

  it('keeps a phone number Excel stored as a number, with a note that a leading 0 may be gone', () => {
    const read = reader({ Name: 'name', Phone: 'phone' });
    expect(read({ Name: 'Bo', Phone: 4791112233 })).toMatchObject({ fields: { phone: '4791112233' }, notes: [expect.stringContaining('leading + or 0 may be missing')] });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { emailKey, existingFromDoc, handleKey } from '../../../src/shared/import/existing';
import { countryCode, languageCode } from '../../../src/shared/import/places';
import { parsePlatform, platformFromUrl } from '../../../src/shared/import/accounts';

describe('the creators an import is matched against', () => {
  it('indexes live creators of the Y.Doc by platform + handle and by email, leaving the trash out', () => {
    const store = new WorkspaceStore(new Y.Doc());
    const maya = store.create('creators', { name: 'Maya', accounts: [{ platform: 'instagram', handle: '@MayaMoves' }], emails: [{ address: 'Maya@Example.com', primary: true }] });
    const gone = store.create('creators', { name: 'Gone', accounts: [{ platform: 'tiktok', handle: 'gone' }] });
    store.softDelete('creators', [gone.id]);
    const existing = existingFromDoc(store.doc);
    expect(existing.find(handleKey('instagram', 'https://instagram.com/mayamoves'))).toEqual([maya.id]);
    expect(existing.find(handleKey('tiktok', 'mayamoves'))).toEqual([]);
    expect(existing.find(emailKey(' MAYA@example.com '))).toEqual([maya.id]);
    expect(existing.find(handleKey('tiktok', 'gone'))).toEqual([]);
    expect(existing.get(maya.id)?.name).toBe('Maya');
  });
});

describe('places, languages and platforms as people write them', () => {
  it('reads country names in several languages, codes and common short forms', () => {
    expect(['Poland', 'pl', 'POLSKA', 'U.S.A.', 'UK', 'Deutschland', 'España', 'México', 'United States of America'].map(countryCode)).toEqual(['PL', 'PL', 'PL', 'US', 'GB', 'DE', 'ES', 'MX', 'US']);
    expect(countryCode('Atlantis')).toBeNull();
  });

  it('reads languages by name or code', () => {
    expect(['English', 'en', 'EN-us', 'polski', 'Portuguese', 'pt-BR', 'Deutsch'].map(languageCode)).toEqual(['en', 'en', 'en', 'pl', 'pt', 'pt', 'de']);
    expect(languageCode('Klingonese')).toBeNull();
  });

  it('tells platforms by name and by profile link', () => {
    expect(['IG', 'Tik Tok', 'Twitter', 'YouTube', 'podcast'].map(parsePlatform)).toEqual(['instagram', 'tiktok', 'x', 'youtube', 'blog']);
    expect(['https://m.youtube.com/@x', 'www.tiktok.com/@x', 'https://twitter.com/x', 'https://myblog.example'].map(platformFromUrl)).toEqual(['youtube', 'tiktok', 'x', 'blog']);
  });
});

import { describe, expect, it } from 'vitest';
import { readTerritories, territoriesProblem, territoryNames } from '../../../src/shared/domain/territories';
import { rightFields } from '../../../src/shared/data/schemas/rights';

describe('readTerritories', () => {
  it('reads codes and names in several languages into ISO codes', () => {
    expect(readTerritories(['Poland', 'DE', 'Deutschland'])).toEqual({ ok: true, codes: ['PL', 'DE'] });
    expect(readTerritories(['Polska, fr; United Kingdom'])).toEqual({ ok: true, codes: ['PL', 'FR', 'GB'] });
    expect(readTerritories(['pl'])).toEqual({ ok: true, codes: ['PL'] });
  });

  it('reads worldwide however it is written', () => {
    for (const ww of ['WW', 'worldwide', 'Worldwide', 'global', 'World', 'Welt']) expect(readTerritories([ww])).toEqual({ ok: true, codes: ['WW'] });
  });

  it('refuses a code that is not a country, with the reason', () => {
    const read = readTerritories(['WW, XX']);
    expect(read).toEqual({ ok: false, reason: '“XX” is not a country: use a two-letter code such as PL, or a name such as Poland' });
    expect(readTerritories(['Narnia', 'QQ'])).toMatchObject({ ok: false, reason: expect.stringMatching(/^“Narnia”, “QQ” are not countries/) });
  });

  it('refuses worldwide beside countries', () => {
    expect(readTerritories(['worldwide', 'PL'])).toEqual({ ok: false, reason: 'Worldwide already covers every country: remove PL, or remove Worldwide to limit the right to that country' });
    expect(readTerritories(['worldwide, PL'])).toMatchObject({ ok: false });
  });

  it('refuses an empty territory', () => {
    expect(readTerritories([' '])).toMatchObject({ ok: false, reason: expect.stringContaining('Worldwide, or the countries') });
  });

  it('names territories for people', () => {
    expect(territoryNames(['WW'])).toBe('Worldwide');
    expect(territoryNames(['PL', 'DE'], 'en')).toBe('Poland, Germany');
  });
});

describe('the rights record', () => {
  const base = { channels: ['organic-social'] };
  it('holds the same rule as the form, for imports and teammates', () => {
    expect(territoriesProblem(['WW', 'PL'])).toMatch(/Worldwide already covers/);
    expect(rightFields.safeParse({ ...base, territories: ['WW', 'XX'] }).success).toBe(false);
    const refused = rightFields.safeParse({ ...base, territories: ['XX'] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['territories'], message: expect.stringContaining('“XX” is not a country') });
    expect(rightFields.safeParse({ ...base, territories: ['PL', 'DE'] }).success).toBe(true);
    expect(rightFields.safeParse({ ...base }).data?.territories).toEqual(['WW']);
  });
});

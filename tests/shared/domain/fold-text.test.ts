import { describe, expect, it } from 'vitest';
import { foldText, nameKey, slugOf, stripAccents } from '../../../src/shared/domain/fold-text';
import { codeLetters } from '../../../src/shared/domain/code-letters';

describe('folding text for matching', () => {
  it.each([
    ['Łukasz', 'lukasz'], ['Straße', 'strasse'], ['Zoë', 'zoe'], ['José Núñez', 'jose nunez'], ['Ærø', 'aero'],
    ['Bjørn', 'bjorn'], ['Œuvre', 'oeuvre'], ['Đorđe', 'dorde'], ['Þór', 'thor'], ['Gdańsk', 'gdansk'], ['  Anna ', 'anna'],
    ['ＡＢＣ', 'abc'], ['ﬁne', 'fine'],
  ])('%j folds to %j', (text, folded) => expect(foldText(text)).toBe(folded));

  it('matches a name typed without its accents, both ways', () => {
    expect(foldText('Łukasz Wiśniewski')).toBe(foldText('Lukasz Wisniewski'));
    expect(foldText('Straße')).toBe(foldText('Strasse'));
  });

  it('keeps other scripts in their own letters', () => {
    expect(foldText('Анна')).toBe('анна');
    expect(foldText('Ελένη')).toBe('ελενη');
    expect(foldText('किशोर')).toBe('किशोर'); // vowel signs change the word: kept
    expect(foldText('किशोर')).not.toBe(foldText('कशर'));
  });

  it('agrees with code generation on Latin names', () => {
    for (const name of ['Łukasz', 'Straße', 'Zoë', 'Bjørn', 'Ærø', 'Þór']) expect(codeLetters(name).toLowerCase()).toBe(foldText(name));
  });

  it('keeps case when only accents should go', () => {
    expect(stripAccents('Zoë Łukasz Straße')).toBe('Zoe Lukasz Strasse');
    expect(stripAccents('Plain name')).toBe('Plain name');
  });

  it('compares names with punctuation and spacing aside', () => {
    expect(nameKey("O'Brien-Smith")).toBe('o brien smith');
    expect(nameKey('  Łukasz   Nowak ')).toBe('lukasz nowak');
    expect(nameKey('Анна Петрова!')).toBe('анна петрова');
    expect(nameKey('Côte d’Ivoire')).toBe('cote d ivoire');
  });

  it('makes ASCII slugs of a bounded length', () => {
    expect(slugOf('Spring Glow 2026!', 50)).toBe('spring-glow-2026');
    expect(slugOf('Łódź Straße', 50)).toBe('lodz-strasse');
    expect(slugOf('Анна', 50)).toBe('');
    expect(slugOf('abc def ghi', 4)).toBe('abc');
  });
});

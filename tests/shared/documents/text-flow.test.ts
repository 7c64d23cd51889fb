import { describe, expect, it } from 'vitest';
import { flowText, type Piece } from '../../../src/shared/documents/text-flow';

// A monospace "font": every character is 10 units wide.
const measure = (text: string): Piece[] => [{ text, width: text.length * 10, font: null }];
const lineText = (runs: Parameters<typeof flowText>[0], width: number) => flowText(runs, width, measure).map((l) => l.segments.map((s) => s.text).join(''));

describe('text flow', () => {
  it('breaks at spaces and never starts a line with one', () => {
    expect(lineText([{ text: 'one two three four' }], 90)).toEqual(['one two', 'three', 'four']);
  });

  it('splits a word wider than the line between characters, without hyphens', () => {
    const lines = lineText([{ text: 'abcdefghijkl' }], 50);
    expect(lines).toEqual(['abcde', 'fghij', 'kl']);
    expect(lines.join('')).not.toContain('-');
  });

  it('keeps styles of runs and honours hard line breaks', () => {
    const lines = flowText([{ text: 'plain ' }, { text: 'bold', bold: true }, { text: '\nnext' }], 500, measure);
    expect(lines).toHaveLength(2);
    expect(lines[0].segments.find((s) => s.text === 'bold')?.run.bold).toBe(true);
  });

  it('may break between CJK characters', () => {
    expect(lineText([{ text: '王小明是创作者' }], 30)).toEqual(['王小明', '是创作', '者']);
  });

  it('breaks Thai between words, which it writes without spaces', () => {
    // สมชาย (Somchai) ใจดี (kind-hearted): two words, 5 and 4 characters.
    const lines = lineText([{ text: 'สมชายใจดี' }], 60);
    expect(lines).toEqual(['สมชาย', 'ใจดี']);
  });

  it('never splits a letter from its marks when a word is wider than the line', () => {
    // ดี is ด with the vowel sign ี above it; नी is न with ी: each is one character to the reader.
    for (const word of ['ดีดีดีดี', 'नीनीनीनी']) {
      const lines = lineText([{ text: word }], 35);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.length % 2).toBe(0);
    }
  });

  it('never makes a line wider than asked', () => {
    const text = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore'.repeat(5);
    for (const line of flowText([{ text }], 173, measure)) expect(line.width).toBeLessThanOrEqual(173);
  });
});

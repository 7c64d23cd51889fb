import type { Inline } from './model';

/** A piece of a run that one font draws: the engine's measuring function splits text by font. */
export interface Piece {
  text: string;
  width: number;
  /** Opaque to the flow: which embedded font draws it. */
  font: unknown;
}

export interface LineSegment extends Piece {
  run: Inline;
}

export interface Line {
  segments: LineSegment[];
  width: number;
}

type Token = { run: Inline; text: string; kind: 'word' | 'space' | 'break' };

// Han, kana, Hangul and full-width forms: a line may break between any two of them.
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

// Thai, Lao, Khmer and Myanmar write words without spaces between them: lines break between dictionary words.
const NO_SPACES = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u;
let wordSegmenter: Intl.Segmenter | null = null;
let graphemeSegmenter: Intl.Segmenter | null = null;

function words(text: string): string[] {
  wordSegmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
  return Array.from(wordSegmenter.segment(text), (s) => s.segment);
}

/** User-perceived characters: a base letter with its marks (Thai tone marks, Devanagari vowel signs) never splits. */
function graphemes(text: string): string[] {
  // Latin without combining marks: every code point is a character (the common case, kept fast).
  if (!/[^\u0020-\u02ff]/.test(text)) return Array.from(text);
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

function tokenize(runs: Inline[]): Token[] {
  const tokens: Token[] = [];
  for (const run of runs) {
    for (const part of run.text.normalize('NFC').split(/(\n|[ \t\u00a0]+)/)) {
      if (!part) continue;
      if (part === '\n') tokens.push({ run, text: '', kind: 'break' });
      else if (/^[ \t\u00a0]+$/.test(part)) tokens.push({ run, text: ' ', kind: 'space' });
      else if (CJK.test(part)) {
        // Keep Latin stretches whole; every CJK character is its own break opportunity.
        for (const piece of part.match(/[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef][、。，．！？」』）]*|[^\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/gu) ?? []) {
          tokens.push({ run, text: piece, kind: 'word' });
        }
      } else if (NO_SPACES.test(part)) {
        for (const word of words(part)) tokens.push({ run, text: word, kind: 'word' });
      } else tokens.push({ run, text: part, kind: 'word' });
    }
  }
  return tokens;
}

/**
 * Greedy line breaking at spaces (and between CJK characters), never
 * hyphenating: a word wider than the line is split between characters
 * so nothing runs past the margin.
 */
export function flowText(runs: Inline[], maxWidth: number, measure: (text: string, run: Inline) => Piece[]): Line[] {
  const lines: Line[] = [];
  let current: LineSegment[] = [];
  let width = 0;
  let pendingSpace: LineSegment[] = [];
  let pendingWidth = 0;

  const push = () => {
    lines.push({ segments: current, width });
    current = [];
    width = 0;
    pendingSpace = [];
    pendingWidth = 0;
  };
  const place = (pieces: Piece[], run: Inline, w: number) => {
    current.push(...pendingSpace, ...pieces.map((p) => ({ ...p, run })));
    width += pendingWidth + w;
    pendingSpace = [];
    pendingWidth = 0;
  };

  for (const token of tokenize(runs)) {
    if (token.kind === 'break') { push(); continue; }
    const pieces = measure(token.text, token.run);
    const w = pieces.reduce((sum, p) => sum + p.width, 0);
    if (token.kind === 'space') {
      // Spaces at a line's start vanish; at its end they do not count.
      if (current.length) { pendingSpace = pieces.map((p) => ({ ...p, run: token.run })); pendingWidth = w; }
      continue;
    }
    if (width + pendingWidth + w <= maxWidth + 0.01) { place(pieces, token.run, w); continue; }
    if (current.length) push();
    if (w <= maxWidth + 0.01) { place(pieces, token.run, w); continue; }
    // A word longer than the whole line: break it between characters.
    let chunk = '';
    let chunkPieces: Piece[] = [];
    let chunkWidth = 0;
    for (const ch of graphemes(token.text)) {
      const next = measure(chunk + ch, token.run);
      const nextWidth = next.reduce((sum, p) => sum + p.width, 0);
      if (chunk && nextWidth > maxWidth + 0.01) {
        place(chunkPieces, token.run, chunkWidth);
        push();
        chunk = ch;
        chunkPieces = measure(ch, token.run);
        chunkWidth = chunkPieces.reduce((sum, p) => sum + p.width, 0);
      } else {
        chunk += ch;
        chunkPieces = next;
        chunkWidth = nextWidth;
      }
    }
    if (chunk) place(chunkPieces, token.run, chunkWidth);
  }
  if (current.length || lines.length === 0) push();
  return lines;
}

/**
 * A TrueType font with only some glyphs' outlines, everything else intact:
 * same glyph ids, same cmap, same metrics. A simple (single-byte) PDF font
 * finds its glyphs through the font's own cmap, which fontkit's subsets drop;
 * emptying the unused outlines keeps the cmap and cuts the file to a fraction.
 * OpenType layout tables (GSUB, GPOS) go: PDF text is placed glyph by glyph.
 */

const KEEP_TABLES = new Set(['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'prep', 'gasp']);

interface Table {
  tag: string;
  data: Uint8Array;
}

function readTables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const count = view.getUint16(4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(font[at], font[at + 1], font[at + 2], font[at + 3]);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    tables.set(tag, font.subarray(offset, offset + length));
  }
  return tables;
}

const ARG_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE = 0x0020;
const XY_SCALE = 0x0040;
const TWO_BY_TWO = 0x0080;

/** The glyphs a composite glyph is built from (accented letters are usually a base and a mark). */
function components(glyph: Uint8Array): number[] {
  if (glyph.length < 10) return [];
  const view = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
  if (view.getInt16(0) >= 0) return [];
  const out: number[] = [];
  let at = 10;
  for (;;) {
    const flags = view.getUint16(at);
    out.push(view.getUint16(at + 2));
    at += 4 + (flags & ARG_WORDS ? 4 : 2);
    if (flags & HAS_SCALE) at += 2;
    else if (flags & XY_SCALE) at += 4;
    else if (flags & TWO_BY_TWO) at += 8;
    if (!(flags & MORE)) return out;
  }
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

function writeFont(tables: Table[]): Uint8Array {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const header = 12 + tables.length * 16;
  const size = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), header);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.length);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tables.length * 16 - power * 16);
  let offset = header;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[at + k] = t.tag.charCodeAt(k);
    view.setUint32(at + 4, checksum(t.data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, t.data.length);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

/** The font with outlines only for `keep` (and .notdef, and what composites need). */
export function keepGlyphs(font: Uint8Array, keep: Iterable<number>): Uint8Array {
  const tables = readTables(font);
  const head = tables.get('head');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  const maxp = tables.get('maxp');
  if (!head || !loca || !glyf || !maxp) throw new Error('The form font is not a TrueType font with outlines (it needs glyf and loca tables).');
  const numGlyphs = new DataView(maxp.buffer, maxp.byteOffset).getUint16(4);
  const longLoca = new DataView(head.buffer, head.byteOffset).getInt16(50) === 1;
  const locaView = new DataView(loca.buffer, loca.byteOffset, loca.byteLength);
  const offsetOf = (gid: number) => (longLoca ? locaView.getUint32(gid * 4) : locaView.getUint16(gid * 2) * 2);
  const glyphBytes = (gid: number) => glyf.subarray(offsetOf(gid), offsetOf(gid + 1));

  const kept = new Set<number>([0]);
  const queue = [...keep];
  while (queue.length) {
    const gid = queue.pop()!;
    if (gid >= numGlyphs || kept.has(gid)) continue;
    kept.add(gid);
    queue.push(...components(glyphBytes(gid)));
  }
  for (const gid of [...kept]) for (const c of components(glyphBytes(gid))) kept.add(c);

  const sorted = [...kept].sort((a, b) => a - b);
  const newGlyf = new Uint8Array(sorted.reduce((n, gid) => n + ((glyphBytes(gid).length + 3) & ~3), 0));
  const newLoca = new Uint8Array((numGlyphs + 1) * 4);
  const newLocaView = new DataView(newLoca.buffer);
  let at = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    newLocaView.setUint32(gid * 4, at);
    if (kept.has(gid)) {
      const bytes = glyphBytes(gid);
      newGlyf.set(bytes, at);
      at += (bytes.length + 3) & ~3;
    }
  }
  newLocaView.setUint32(numGlyphs * 4, at);

  const newHead = head.slice();
  const headView = new DataView(newHead.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment: readers do not check it, and it would need the whole file.
  headView.setInt16(50, 1); // long loca offsets
  // post format 3: no glyph names (the PDF names glyphs itself); keeps italic angle and underline metrics.
  const post = tables.get('post');
  const newPost = post ? post.slice(0, 32) : null;
  if (newPost) new DataView(newPost.buffer).setUint32(0, 0x00030000);

  const out: Table[] = [];
  for (const [tag, data] of tables) {
    if (!KEEP_TABLES.has(tag)) continue;
    const replaced = tag === 'glyf' ? newGlyf : tag === 'loca' ? newLoca : tag === 'head' ? newHead : tag === 'post' ? newPost : data;
    if (replaced) out.push({ tag, data: replaced });
  }
  return writeFont(out);
}

import { inflateRawSync } from 'node:zlib';

/**
 * A reader of .xlsx files that shares nothing with exceljs and never
 * recalculates: it unzips by hand and reads each cell's <f> and <v> as a
 * mail preview, Quick Look or openpyxl's data_only mode would. What it
 * finds is what such a reader shows.
 */

export function unzip(bytes: Buffer): Map<string, Buffer> {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('Not a zip file: no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`Bad central directory entry ${i}`);
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8').replace(/^\//, '');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + compressed);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const xmlText = (s: string) => s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
  e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : entities[e] ?? m);

export interface RawCell {
  /** The formula, without '='; undefined for a typed value. */
  formula?: string;
  /** What a reader that does not recalculate shows: the cached <v> (or inline text); undefined when there is none. */
  value?: string | number;
  type?: string;
  style?: number;
}

export interface RawWorkbook {
  files: Map<string, Buffer>;
  sheetNames: string[];
  workbookXml: string;
  sheetXml(name: string): string;
  cells(name: string): Map<string, RawCell>;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

export function readXlsx(bytes: Buffer): RawWorkbook {
  const files = unzip(bytes);
  const text = (path: string) => {
    const file = files.get(path);
    if (!file) throw new Error(`No ${path} in the file`);
    return file.toString('utf8');
  };
  const workbookXml = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id')!, attr(m[0], 'Target')!]));
  const sheets = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({ name: xmlText(attr(m[0], 'name')!), target: targets.get(attr(m[0], 'r:id')!)! }));
  const shared = files.has('xl/sharedStrings.xml')
    ? [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => xmlText(t[1])).join(''))
    : [];
  const sheetXml = (name: string) => {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet ${name}`);
    return text(`xl/${sheet.target.replace(/^\/?xl\//, '')}`);
  };
  const cells = (name: string) => {
    const out = new Map<string, RawCell>();
    for (const m of sheetXml(name).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const tag = ` ${m[1]}`;
      const body = m[2] ?? '';
      const type = attr(tag, 't');
      const f = /<f[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
      let value: string | number | undefined;
      if (type === 'inlineStr') value = inline == null ? undefined : xmlText(inline);
      else if (v == null) value = undefined;
      else if (type === 's') value = shared[Number(v)];
      else if (type === 'str' || type === 'e') value = xmlText(v);
      else if (type === 'b') value = Number(v);
      else value = Number(v);
      const style = attr(tag, 's');
      out.set(attr(tag, 'r')!, { formula: f == null ? undefined : xmlText(f), value, type, style: style == null ? undefined : Number(style) });
    }
    return out;
  };
  return { files, sheetNames: sheets.map((s) => s.name), workbookXml, sheetXml, cells };
}

/** The number format of a cell's style (its xf in styles.xml): a custom code, or a built-in one by id ('@' is 49, General 0). */
export function numberFormatOf(workbook: RawWorkbook, style: number | undefined): string {
  const styles = workbook.files.get('xl/styles.xml')?.toString('utf8') ?? '';
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xf = [...xfs.matchAll(/<xf\b[^>]*>/g)][style ?? 0]?.[0];
  if (!xf) throw new Error(`No cell style ${style} in styles.xml`);
  const id = Number(attr(xf, 'numFmtId') ?? 0);
  const custom = [...styles.matchAll(/<numFmt\b[^>]*>/g)].find((m) => Number(attr(m[0], 'numFmtId')) === id);
  return custom ? xmlText(attr(custom[0], 'formatCode')!) : ({ 0: 'General', 49: '@' } as Record<number, string>)[id] ?? `builtin ${id}`;
}

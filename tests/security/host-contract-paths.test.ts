import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hostContract, hostMethods } from '../../src/shared/api/contract';

/**
 * No call of the host API takes a path from the page (issue 22): a page has
 * bytes, not paths, and a path-taking call lets anyone who can call the API
 * read any file the user can. This walks every input schema, however deep,
 * and fails on a field whose name says it is a place on disk.
 */

const PATH_LIKE = /path|dir|folder|file(?!Name)/i;
/** Names that look like places but are not: names shown to people or cut to a base name before use, and a size limit (a number). */
const ALLOWED = new Set(['fileName', 'sourceFileName', 'maxFileBytes']);

interface Def { type: string; [key: string]: unknown }
const defOf = (schema: unknown): Def | null => (schema as { _zod?: { def?: Def } })?._zod?.def ?? null;

/** Every object key of a schema, with where it sits ("outputs[].preset.name"). */
function fieldsOf(schema: unknown, at = '', seen = new Set<unknown>()): string[] {
  const def = defOf(schema);
  if (!def || seen.has(schema)) return [];
  seen.add(schema);
  const here = (key: string) => (at ? `${at}.${key}` : key);
  switch (def.type) {
    case 'object': {
      const shape = (schema as z.ZodObject).shape;
      return Object.entries(shape).flatMap(([key, field]) => [here(key), ...fieldsOf(field, here(key), seen)]);
    }
    case 'array': return fieldsOf(def.element, `${at}[]`, seen);
    case 'record': return [...fieldsOf(def.keyType, `${at}{key}`, seen), ...fieldsOf(def.valueType, `${at}{}`, seen)];
    case 'union': return (def.options as unknown[]).flatMap((o) => fieldsOf(o, at, seen));
    case 'intersection': return [...fieldsOf(def.left, at, seen), ...fieldsOf(def.right, at, seen)];
    case 'tuple': return (def.items as unknown[]).flatMap((o, i) => fieldsOf(o, `${at}[${i}]`, seen));
    case 'pipe': return [...fieldsOf(def.in, at, seen), ...fieldsOf(def.out, at, seen)];
    case 'lazy': return fieldsOf((def.getter as () => unknown)(), at, seen);
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional': case 'success':
      return fieldsOf(def.innerType, at, seen);
    default: return [];
  }
}

const pathLike = (field: string) => {
  const key = field.split(/[.[\]{}]+/).filter(Boolean).at(-1) ?? '';
  return !ALLOWED.has(key) && PATH_LIKE.test(key);
};

describe('the host API takes no paths from the page', () => {
  it('has no input field named like a path, a folder or a file, in any call, at any depth', () => {
    const offending = hostMethods.flatMap((method) => fieldsOf(hostContract[method].input).filter(pathLike).map((f) => `${method}: ${f}`));
    expect(offending).toEqual([]);
  });

  it('has none of the calls that once took a path', () => {
    for (const gone of ['media-add', 'media-probe', 'library-add-path']) expect(Object.keys(hostContract)).not.toContain(gone);
  });

  it('sees fields however deep they sit (so the check above can fail)', () => {
    // Real fields, at depth: the walker reaches them.
    const cut = fieldsOf(hostContract['cut-jobs-start'].input);
    expect(cut).toContain('sourceSha256');
    expect(cut).toContain('outputs[].focusX');
    // A path hidden in an optional array of unions inside a default is still found.
    const hidden = z.object({
      items: z.array(z.union([z.object({ name: z.string() }), z.object({ nested: z.object({ filePath: z.string() }).optional() })])).default([]),
      folder: z.string().nullable(),
      fileName: z.string(),
      dir: z.string().transform((s) => s.trim()),
    }).strict();
    expect(fieldsOf(hidden).filter(pathLike)).toEqual(['items[].nested.filePath', 'folder', 'dir']);
  });
});

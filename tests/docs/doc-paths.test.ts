import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Docs you can trust: a newcomer follows a path a doc names, so every path
 * the docs cite must exist. Files move often (issue 24 moved dozens), and a
 * stale path costs a newcomer more than a missing one.
 */
const root = resolve(import.meta.dirname, '../..');
const repoRoots = ['src/', 'tests/', 'bench/', 'scripts/', 'sync-server/', 'resources/', 'docs/', '.ci/'];

/**
 * Text that looks like a repo path but names something outside the tree: the
 * sync server's database keeps its file list in `<data>/docs/CURRENT`.
 */
const notRepoPaths = new Set(['docs/CURRENT']);

/** Files a run writes (bench/results/*.json…) are cited on purpose and ignored by git, not missing. */
function ignoredByGit(path: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '--quiet', '--no-index', path], { cwd: root });
    return true;
  } catch {
    return false;
  }
}

function docFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

/** Backticked text that is a whole repo path, as written (placeholders skipped). */
function citedPaths(markdown: string): string[] {
  const out = new Set<string>();
  for (const match of markdown.matchAll(/`([^`\n]+)`/g)) {
    // A path cited with a line or an anchor (`a.ts:12`, `a.md#part`) names the file.
    const text = match[1].trim().replace(/[#:].*$/, '');
    if (!repoRoots.some((prefix) => text.startsWith(prefix))) continue;
    if (/\s/.test(text)) continue;
    // `<name>`, `…` and `${x}` stand for something the reader fills in.
    if (/[<>…$]/.test(text)) continue;
    out.add(text.replace(/\/$/, ''));
  }
  return [...out];
}

/** Backticked bare file names (`engage-queue.ts`): the docs name a file so, once its folder is said. */
function citedFileNames(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(/`([\w.-]+\.(?:ts|tsx|mjs|css))`/g)].map((match) => match[1]))];
}

let treeNames: Set<string> | null = null;
function inTree(fileName: string): boolean {
  treeNames ??= new Set(
    ['src', 'tests', 'scripts', 'bench', 'sync-server', 'resources'].flatMap((dir) => walk(join(root, dir)).map((path) => path.split('/').pop()!)),
  );
  return treeNames.has(fileName);
}

/** Relative markdown links between docs (`[x](sync.md#part)`), resolved from the doc's folder. */
function linkedPaths(markdown: string, docPath: string): string[] {
  const out = new Set<string>();
  // Code (`host['x'](input)`) is not a link.
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  for (const match of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1].replace(/#.*$/, '');
    if (!target || /^[a-z]+:/i.test(target)) continue;
    out.add(relative(root, resolve(root, dirname(docPath), target)).replaceAll('\\', '/'));
  }
  return [...out];
}

function globRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',' && source.includes('(?:')) source += '|';
    else source += char.replace(/[.+^()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '.git') continue;
    const full = join(dir, name);
    const rel = relative(root, full).replaceAll('\\', '/');
    out.push(rel);
    if (statSync(full).isDirectory()) out.push(...walk(full));
  }
  return out;
}

function pathExists(path: string): boolean {
  if (!/[*?{]/.test(path)) return existsSync(join(root, path));
  // Walk only below the part before the first wildcard, so a glob stays cheap.
  const base = path.slice(0, path.search(/[*?{]/)).replace(/[^/]*$/, '').replace(/\/$/, '');
  if (!existsSync(join(root, base))) return false;
  const pattern = globRegExp(path);
  return walk(join(root, base)).some((candidate) => pattern.test(candidate));
}

describe('paths cited in the docs', () => {
  it('reads backticked repo paths and skips placeholders', () => {
    const found = citedPaths(
      'See `src/shared/api/contract.ts`, `docs/sync.md#media-files`, `tests/e2e/*.spec.ts`,\n' +
        '`bench/<name>/run.mjs`, `npm run bench -- data-core`, `host.ts` and `src/main/ipc.ts:12`.',
    );
    expect(found).toEqual(['src/shared/api/contract.ts', 'docs/sync.md', 'tests/e2e/*.spec.ts', 'src/main/ipc.ts']);
    expect(linkedPaths("See [sync](sync.md#media-files), [site](https://example.com) and `host['x'](input)`.", 'docs/a.md')).toEqual(['docs/sync.md']);
  });

  it('reads bare file names and finds them anywhere in the tree', () => {
    expect(citedFileNames('`engage-queue.ts` and `no-such-module.ts`, not `npm test`')).toEqual(['engage-queue.ts', 'no-such-module.ts']);
    expect(inTree('engage-queue.ts')).toBe(true);
    expect(inTree('no-such-module.ts')).toBe(false);
  });

  it('tells a missing file from a present one, globs included', () => {
    expect(pathExists('src/shared/api/contract.ts')).toBe(true);
    expect(pathExists('src/shared/api/no-such-file.ts')).toBe(false);
    expect(pathExists('tests/architecture/*.test.ts')).toBe(true);
    expect(pathExists('tests/architecture/*.nothing')).toBe(false);
    expect(pathExists('src/shared/**/contract.ts')).toBe(true);
  });

  for (const doc of docFiles()) {
    it(`${doc}: every cited path exists`, () => {
      const text = readFileSync(join(root, doc), 'utf8');
      const missing = [...citedPaths(text), ...linkedPaths(text, doc)].filter(
        (path) => !notRepoPaths.has(path) && !pathExists(path) && !ignoredByGit(path),
      );
      expect(missing, `${doc} cites paths that are not in the tree`).toEqual([]);
      expect(citedFileNames(text).filter((name) => !inTree(name)), `${doc} names files that are not in the tree`).toEqual([]);
    });
  }
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rule, read from the source itself: shared imports nothing of
 * the others (and no Node built-ins), main and renderer never import each
 * other, preload only shared, host services never touch Electron.
 */
const root = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...files(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

function layerOf(path: string): string | null {
  const rel = relative(root, path).replaceAll('\\', '/');
  for (const layer of ['src/shared', 'src/main', 'src/preload', 'src/renderer', 'sync-server']) if (rel.startsWith(`${layer}/`)) return layer;
  return null;
}

const allowed: Record<string, string[]> = {
  'src/shared': ['src/shared'],
  // The app can host the team sync server itself (embedded).
  'src/main': ['src/main', 'src/shared', 'sync-server'],
  'src/preload': ['src/preload', 'src/shared'],
  'src/renderer': ['src/renderer', 'src/shared'],
  'sync-server': ['sync-server', 'src/shared'],
};

describe('layering', () => {
  const sources = ['src', 'sync-server'].flatMap((d) => { try { return files(join(root, d)); } catch { return []; } });

  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('keeps every relative import inside the layers it may use', () => {
    const violations: string[] = [];
    for (const file of sources) {
      const from = layerOf(file)!;
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const to = layerOf(resolve(dirname(file), spec));
        if (to && !allowed[from].includes(to)) violations.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps src/shared free of Node built-ins and Electron, and the renderer free of both', () => {
    const violations: string[] = [];
    for (const file of sources) {
      const layer = layerOf(file);
      if (layer !== 'src/shared' && layer !== 'src/renderer') continue;
      for (const spec of imports(file)) if (spec.startsWith('node:') || spec === 'electron') violations.push(`${relative(root, file)} → ${spec}`);
    }
    expect(violations).toEqual([]);
  });

  it('keeps host services free of Electron', () => {
    const services = sources.filter((f) => /src\/main\/(services|web-host)\//.test(f.replaceAll('\\', '/')));
    const violations = services.filter((f) => imports(f).includes('electron')).map((f) => relative(root, f));
    expect(violations).toEqual([]);
  });
});

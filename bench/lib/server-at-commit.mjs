// The sync server as it was at a commit, bundled for Node, so a bench can run
// "before" and "after" side by side, each in its own process (server-child.mjs).
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

export async function bundleServerAt(root, commit, dir, label) {
  execFileSync('sh', ['-c', `git -C "${root}" archive "${commit}" sync-server src/shared | tar -x -C "${dir}"`]);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  await build({
    root: dir, configFile: false, logLevel: 'warn',
    build: {
      ssr: true, outDir: join(dir, 'out'), emptyOutDir: true, target: 'node20', minify: false,
      rollupOptions: { input: { server: join(dir, 'sync-server/server.ts') }, output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  const sha = execFileSync('git', ['-C', root, 'rev-parse', '--short', commit], { encoding: 'utf8' }).trim();
  return { label, sha, bundle: join(dir, 'out/server.mjs') };
}

/** Where server-child.mjs is, for `fork`. */
export const serverChild = new URL('./server-child.mjs', import.meta.url).pathname;

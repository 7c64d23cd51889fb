import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

// Electron and electron-builder cannot run here (no binary, no network), so this reads the
// packaging config the release is built from and checks it against the fuse list that
// @electron/fuses (the library electron-builder flips them with) knows.
const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// js-yaml ships no types; electron-builder reads its config with this same parser.
const yaml = require('js-yaml') as { load(text: string): unknown };
const scheme = require('app-builder-lib/scheme.json') as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

type Config = Record<string, unknown>;

/** Every fuse Electron has, with the value a release must carry. A fuse added by a future Electron fails the test until it is decided here. */
const REQUIRED: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
};

/** electron-builder's key for a fuse is the enum name with a lower-case first letter (app-builder-lib's generateFuseConfig). */
const fuseKeys = Object.keys(FuseV1Options)
  .filter((name) => Number.isNaN(Number(name)))
  .map((name) => name[0].toLowerCase() + name.slice(1));
const builderKeys = new Set(Object.keys(scheme.definitions.FuseOptionsV1.properties));
/** Options of electronFuses that are not fuses. */
const NOT_FUSES = new Set(['resetAdHocDarwinSignature']);

function loadConfig(): Config {
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

/** What is wrong with a packaging config's lock-down, one sentence per problem. */
function lockDownProblems(config: Config): string[] {
  const problems: string[] = [];
  const fuses = config.electronFuses;
  if (typeof fuses !== 'object' || fuses === null) return ['electronFuses is missing: the release would ship with every fuse at its default.'];
  const set = fuses as Record<string, unknown>;
  for (const key of Object.keys(set)) {
    if (!fuseKeys.includes(key) && !NOT_FUSES.has(key)) problems.push(`electronFuses.${key} is not a fuse @electron/fuses knows (a typo?).`);
    else if (!builderKeys.has(key)) problems.push(`electronFuses.${key} is not an option electron-builder passes on.`);
  }
  for (const [key, value] of Object.entries(REQUIRED)) {
    if (!(key in set)) problems.push(`electronFuses.${key} is missing; it must be ${value}.`);
    else if (set[key] !== value) problems.push(`electronFuses.${key} is ${JSON.stringify(set[key])}; it must be ${value}.`);
  }
  // The ASAR fuses mean nothing without an archive and the hash electron-builder embeds for it.
  if (config.asar === false) problems.push('asar is false: onlyLoadAppFromAsar would find no app, and there would be nothing to check.');
  if (typeof config.asar === 'object' && config.asar !== null && (config.asar as Config).disableIntegrity === true) {
    problems.push('asar.disableIntegrity is true: the integrity fuse would stop the app from starting.');
  }
  if (config.disableAsarIntegrity === true) problems.push('disableAsarIntegrity is true: the integrity fuse would stop the app from starting.');
  return problems;
}

describe('Electron fuses in the packaging config', () => {
  it('decides every fuse @electron/fuses knows, and electron-builder passes each on', () => {
    expect(fuseKeys.length).toBeGreaterThanOrEqual(8);
    expect([...fuseKeys].sort()).toEqual(Object.keys(REQUIRED).sort());
    for (const key of fuseKeys) expect(builderKeys, key).toContain(key);
  });

  it('electron-builder.yml locks the release down', () => {
    expect(lockDownProblems(loadConfig())).toEqual([]);
  });

  it('keeps native code and ffmpeg outside app.asar, where they can run', () => {
    expect(loadConfig().asarUnpack).toEqual(expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**', 'node_modules/ffmpeg-static/**']));
  });

  it.each([
    ['a missing fuse', (c: Config) => delete (c.electronFuses as Config).runAsNode, 'electronFuses.runAsNode is missing; it must be false.'],
    ['a fuse left on', (c: Config) => ((c.electronFuses as Config).enableNodeCliInspectArguments = true), 'electronFuses.enableNodeCliInspectArguments is true; it must be false.'],
    ['a fuse written as text', (c: Config) => ((c.electronFuses as Config).onlyLoadAppFromAsar = 'true'), 'electronFuses.onlyLoadAppFromAsar is "true"; it must be true.'],
    ['a misspelt fuse', (c: Config) => ((c.electronFuses as Config).enableNodeOptionEnvironmentVariable = false), 'electronFuses.enableNodeOptionEnvironmentVariable is not a fuse @electron/fuses knows (a typo?).'],
    ['no fuses at all', (c: Config) => delete c.electronFuses, 'electronFuses is missing: the release would ship with every fuse at its default.'],
    ['no archive', (c: Config) => (c.asar = false), 'asar is false: onlyLoadAppFromAsar would find no app, and there would be nothing to check.'],
    ['no integrity hash', (c: Config) => (c.disableAsarIntegrity = true), 'disableAsarIntegrity is true: the integrity fuse would stop the app from starting.'],
  ])('finds %s', (_label, breakIt, problem) => {
    const config = loadConfig();
    breakIt(config);
    expect(lockDownProblems(config)).toContain(problem);
  });
});

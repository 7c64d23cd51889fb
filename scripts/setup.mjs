#!/usr/bin/env node
// `npm run setup`: installs the programs `npm test` needs (Debian and Ubuntu,
// through apt-get, with sudo when not root), then fetches the Electron and
// ffmpeg-static binaries where GitHub can be reached. Elsewhere it says what
// to install. Safe to run again.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { electronBinary, fetchElectron, fetchFfmpegStatic } from './lib/binaries.mjs';
import { debianPackages, describeMissing, missingTools, onPath } from './lib/system-tools.mjs';

function isDebianLike() {
  if (!existsSync('/etc/os-release') || !onPath('apt-get')) return false;
  const release = readFileSync('/etc/os-release', 'utf8');
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
}

function run(cmd, args, env = process.env) {
  console.log(`$ ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`That command failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

let missing = missingTools();
if (missing.length && isDebianLike()) {
  const root = process.getuid?.() === 0;
  if (!root && !onPath('sudo')) {
    console.error('Installing system packages needs root, and sudo is not installed. As root, run:');
    console.error(`  apt-get install ${debianPackages.join(' ')}`);
    process.exit(1);
  }
  const sudo = root ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  run(cmd, [...pre, 'update', '-qq'], env);
  run(cmd, [...pre, 'install', '-y', '-qq', '--no-install-recommends', ...debianPackages], env);
  missing = missingTools();
}
if (missing.length) {
  console.error(describeMissing(missing).replace('npm test needs', 'Fanfare’s tests need'));
  process.exit(1);
}
console.log('Every program the tests need is installed.');

const electronProblem = electronBinary() ? null : fetchElectron();
console.log(electronProblem ? `The Electron desktop app could not be fetched (${electronProblem}); npm start opens Fanfare in your browser instead.` : 'The Electron desktop app is installed.');
const ffmpegProblem = fetchFfmpegStatic();
if (ffmpegProblem) console.log(`ffmpeg-static could not be fetched (${ffmpegProblem}); Fanfare uses the system’s ffmpeg.`);

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { keyCipher, PasswordVault } from '../../../src/main/services/mail/password-vault';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-vault-'));
  file = join(dir, 'mail-passwords.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a password is stored encrypted, readable only with the passphrase, and only by its owner', async () => {
  const vault = await PasswordVault.open(file, { passphrase: 'correct horse battery' });
  await vault.set('mb-1', 'abcd efgh ijkl mnop');
  const onDisk = readFileSync(file, 'utf8');
  expect(onDisk).not.toContain('abcd efgh');
  expect(onDisk).not.toContain(Buffer.from('abcd efgh ijkl mnop').toString('base64'));
  if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  expect((await PasswordVault.open(file, { passphrase: 'correct horse battery' })).get('mb-1')).toBe('abcd efgh ijkl mnop');
});

test('a wrong passphrase is refused in plain words, and the file is left as it was', async () => {
  await (await PasswordVault.open(file, { passphrase: 'correct horse battery' })).set('mb-1', 'secret');
  const before = readFileSync(file, 'utf8');
  await expect(PasswordVault.open(file, { passphrase: 'wrong horse battery' })).rejects.toThrow('That passphrase does not unlock the mailbox passwords saved on this computer.');
  expect(readFileSync(file, 'utf8')).toBe(before);
});

test('a changed file is refused, not misread', async () => {
  const vault = await PasswordVault.open(file, { passphrase: 'correct horse battery' });
  await vault.set('mb-1', 'secret');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { passwords: Record<string, string> };
  const sealed = Buffer.from(data.passwords['mb-1'], 'base64');
  sealed[sealed.length - 1] ^= 1;
  data.passwords['mb-1'] = sealed.toString('base64');
  writeFileSync(file, JSON.stringify(data));
  const reopened = await PasswordVault.open(file, { passphrase: 'correct horse battery' });
  expect(() => reopened.get('mb-1')).toThrow();
});

test('the desktop app’s keychain cipher works the same way; removing forgets the password', async () => {
  const cipher = keyCipher(Buffer.alloc(32, 7));
  const vault = await PasswordVault.open(file, { cipher });
  await vault.set('mb-1', 'secret');
  expect((await PasswordVault.open(file, { cipher })).get('mb-1')).toBe('secret');
  await vault.remove('mb-1');
  expect((await PasswordVault.open(file, { cipher })).get('mb-1')).toBeNull();
  await expect(PasswordVault.open(file, { cipher: keyCipher(Buffer.alloc(32, 8)) })).rejects.toThrow(/does not unlock/);
});

test('a short passphrase is refused', async () => {
  await expect(PasswordVault.open(file, { passphrase: 'short' })).rejects.toThrow('at least 8 characters');
});

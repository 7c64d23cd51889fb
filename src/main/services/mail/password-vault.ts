import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { replaceFile } from '../durable-file';

/**
 * Mailbox passwords, encrypted in one file on this computer and nowhere else
 * (the file is not in the workspace, so it never syncs). The desktop app
 * encrypts with the operating system's keychain (Electron's safeStorage,
 * handed in as a `SecretCipher`); the browser app with a passphrase the
 * person chooses: scrypt turns it into a key, AES-256-GCM seals each
 * password, so a wrong passphrase or a changed file is refused, never
 * misread.
 */
export interface SecretCipher {
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

interface VaultFile {
  version: 1;
  /** Present when a passphrase locks the file. */
  scrypt?: { salt: string; N: number; r: number; p: number };
  /** A known text sealed with the key: tells a wrong passphrase at once. */
  check: string;
  passwords: Record<string, string>;
}

const checkText = 'fanfare-mail-passwords';
const scryptParams = { N: 2 ** 15, r: 8, p: 1 };

function scrypt(passphrase: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(passphrase, salt, 32, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))));
}

/** AES-256-GCM with a fresh nonce per password: nonce (12) | tag (16) | ciphertext. */
export function keyCipher(key: Buffer): SecretCipher {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
  };
}

export type VaultLock = { passphrase: string } | { cipher: SecretCipher };

export class PasswordVault {
  private constructor(
    private readonly file: string,
    private readonly cipher: SecretCipher,
    private data: VaultFile,
  ) {}

  /** Opens (or starts) the file; a wrong passphrase is refused here, before anything is read or written. */
  static async open(file: string, lock: VaultLock): Promise<PasswordVault> {
    let data: VaultFile | null = null;
    try {
      data = JSON.parse(await readFile(file, 'utf8')) as VaultFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error('The mailbox passwords saved on this computer could not be read. Connect the mailbox again.', { cause: error });
    }
    let cipher: SecretCipher;
    let scryptSettings: VaultFile['scrypt'];
    if ('passphrase' in lock) {
      if (lock.passphrase.length < 8) throw new Error('Choose a passphrase of at least 8 characters.');
      scryptSettings = data?.scrypt ?? { salt: randomBytes(16).toString('base64'), ...scryptParams };
      const { salt, ...params } = scryptSettings;
      cipher = keyCipher(await scrypt(lock.passphrase, Buffer.from(salt, 'base64'), params));
    } else {
      cipher = lock.cipher;
    }
    if (data) {
      try {
        if (cipher.decrypt(Buffer.from(data.check, 'base64')).toString() !== checkText) throw new Error('check text differs');
      } catch (error) {
        throw new Error('That passphrase does not unlock the mailbox passwords saved on this computer.', { cause: error });
      }
      return new PasswordVault(file, cipher, data);
    }
    const fresh: VaultFile = { version: 1, scrypt: scryptSettings, check: cipher.encrypt(Buffer.from(checkText)).toString('base64'), passwords: {} };
    const vault = new PasswordVault(file, cipher, fresh);
    await vault.save();
    return vault;
  }

  private save(): Promise<void> {
    return replaceFile(this.file, Buffer.from(JSON.stringify(this.data)));
  }

  async set(mailboxId: string, password: string): Promise<void> {
    this.data = { ...this.data, passwords: { ...this.data.passwords, [mailboxId]: this.cipher.encrypt(Buffer.from(password, 'utf8')).toString('base64') } };
    await this.save();
  }

  get(mailboxId: string): string | null {
    const sealed = this.data.passwords[mailboxId];
    return sealed ? this.cipher.decrypt(Buffer.from(sealed, 'base64')).toString('utf8') : null;
  }

  async remove(mailboxId: string): Promise<void> {
    const passwords = { ...this.data.passwords };
    delete passwords[mailboxId];
    this.data = { ...this.data, passwords };
    await this.save();
  }
}

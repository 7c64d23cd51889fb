import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostHandlers } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import type { MailboxListOutput, MailboxSettingsInput, OutboxRoundOutput } from '../../../shared/mail/mail-contract';
import { replaceFile } from '../durable-file';
import { testMailConnection } from './connection-test';
import { defaultTimeouts, type MailTimeouts } from './mailbox-settings';
import { Outbox } from './outbox';
import { PasswordVault, type SecretCipher } from './password-vault';

type MailMethod = 'mailbox-list' | 'mailbox-unlock' | 'mailbox-test' | 'mailbox-save' | 'mailbox-remove' | 'outbox-queue' | 'outbox-list' | 'outbox-change' | 'outbox-send-now' | 'outbox-mark-logged';
export type MailHandlers = Pick<HostHandlers, MailMethod>;

export interface MailServiceOptions {
  /** `<data dir>/mail`: mailboxes.json (settings, no passwords), passwords.json (encrypted), outbox.json. Absent: not available. */
  dir?: string;
  /** The desktop app's keychain (Electron safeStorage); absent (the browser app), a passphrase locks the passwords. */
  keychain?: SecretCipher;
  timeouts?: MailTimeouts;
  /** Between tries while the server cannot be reached. */
  retryMs?: number;
  settleMs?: number;
}

/** The mailbox and outbox handlers, and a stop for when the app quits (the outbox keeps trying in the background). */
export function createMailHandlers(options: MailServiceOptions): MailHandlers & { stop: () => Promise<void> } {
  const dir = options.dir;
  const need = (): string => {
    if (!dir) throw new HostError('not-available', 'Sending from your mailbox is not available in this version of Fanfare.');
    return dir;
  };
  let vault: PasswordVault | null = null;
  let outbox: Outbox | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastRound: OutboxRoundOutput | null = null;
  let stopped = false;

  const readMailboxes = async (): Promise<MailboxSettingsInput[]> => {
    try {
      return JSON.parse(await readFile(join(need(), 'mailboxes.json'), 'utf8')) as MailboxSettingsInput[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  };
  const writeMailboxes = (list: MailboxSettingsInput[]) => replaceFile(join(need(), 'mailboxes.json'), Buffer.from(JSON.stringify(list, null, 2)));
  const openVault = async (): Promise<PasswordVault | null> => {
    if (vault) return vault;
    if (options.keychain) vault = await PasswordVault.open(join(need(), 'passwords.json'), { cipher: options.keychain });
    return vault;
  };
  const requireVault = async (): Promise<PasswordVault> => {
    const v = await openVault();
    if (!v) throw new HostError('unauthorized', 'Enter your mailbox passphrase first (Settings → Mailbox): it unlocks the passwords saved on this computer.');
    return v;
  };
  const listing = async (): Promise<MailboxListOutput> => {
    const v = await openVault();
    return {
      mailboxes: (await readMailboxes()).map((m) => ({ ...m, hasPassword: v ? v.get(m.id) !== null : false })),
      locked: !v,
      firstPassphrase: !options.keychain && !existsSync(join(need(), 'passwords.json')),
    };
  };
  const loginFor = async (mailboxId: string) => {
    const settings = (await readMailboxes()).find((m) => m.id === mailboxId);
    if (!settings) throw new Error('This mailbox is no longer connected on this computer. Connect it again in Settings → Mailbox.');
    const password = (await requireVault()).get(mailboxId);
    if (!password) throw new Error('The password for this mailbox is not saved on this computer. Enter it in Settings → Mailbox.');
    return { settings, password };
  };
  const getOutbox = async (): Promise<Outbox> => {
    outbox ??= await Outbox.open({ file: join(need(), 'outbox.json'), login: loginFor, timeouts: options.timeouts ?? defaultTimeouts, settleMs: options.settleMs });
    return outbox;
  };
  const round = async (): Promise<OutboxRoundOutput> => {
    const box = await getOutbox();
    try {
      lastRound = await box.sendDue();
    } catch (error) {
      lastRound = { sent: 0, failed: 0, problem: { server: 'smtp', kind: 'other', message: (error as Error).message }, nextAt: null };
    }
    schedule(lastRound);
    return lastRound;
  };
  // Keeps trying while anything waits: at its send time, or every retryMs while the server cannot be reached.
  const schedule = (last: OutboxRoundOutput) => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const retry = options.retryMs ?? 30_000;
    const untilNext = last.nextAt ? Math.max(0, Date.parse(last.nextAt) - Date.now()) : null;
    const wait = last.problem ? retry : untilNext;
    if (wait === null) return;
    timer = setTimeout(() => void round(), Math.min(wait, 2 ** 31 - 1));
    timer.unref?.();
  };

  return {
    'mailbox-list': () => listing(),
    'mailbox-unlock': async ({ passphrase }) => {
      if (options.keychain) return listing();
      try {
        vault = await PasswordVault.open(join(need(), 'passwords.json'), { passphrase });
      } catch (error) {
        throw new HostError('unauthorized', (error as Error).message);
      }
      void round();
      return listing();
    },
    'mailbox-test': async ({ settings, password }) => {
      const pass = password ?? (await requireVault()).get(settings.id);
      if (!pass) throw new HostError('invalid-input', 'Enter the password to test the connection.', { password: 'Enter the password' });
      return testMailConnection({ settings, password: pass }, options.timeouts ?? defaultTimeouts);
    },
    'mailbox-save': async ({ settings, password }) => {
      if (password !== undefined) await (await requireVault()).set(settings.id, password);
      const list = (await readMailboxes()).filter((m) => m.id !== settings.id);
      await writeMailboxes([...list, settings]);
      return listing();
    },
    'mailbox-remove': async ({ id }) => {
      await writeMailboxes((await readMailboxes()).filter((m) => m.id !== id));
      await (await openVault())?.remove(id);
      return listing();
    },
    'outbox-queue': async ({ mailboxId, messages, sendAt, perMinute, actor }) => {
      const mailbox = (await readMailboxes()).find((m) => m.id === mailboxId);
      if (!mailbox) throw new HostError('not-found', 'That mailbox is not connected on this computer. Connect it in Settings → Mailbox.');
      const queued = await (await getOutbox()).queue(messages, { mailbox, sendAt: new Date(sendAt).toISOString(), perMinute, actor });
      void round();
      return { messages: queued };
    },
    'outbox-list': async () => ({ messages: (await getOutbox()).list(), lastRound }),
    'outbox-change': async ({ id, action, edit }) => {
      const box = await getOutbox();
      try {
        const message = action === 'hold' ? await box.hold(id) : action === 'release' ? await box.release(id) : action === 'cancel' ? await box.cancel(id) : await box.edit(id, edit ?? {});
        if (action === 'release' || action === 'edit') void round();
        return { message };
      } catch (error) {
        throw new HostError('invalid-input', (error as Error).message);
      }
    },
    'outbox-send-now': () => round(),
    'outbox-mark-logged': async ({ ids }) => {
      await (await getOutbox()).markLogged(ids);
      return { marked: ids.length };
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

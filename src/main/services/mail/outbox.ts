import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ImapFlow } from 'imapflow';
import { canChange, newMessageId, type OutboxDraft, type OutboxMessage } from '../../../shared/domain/mail-outbox';
import type { Actor } from '../../../shared/domain/activities';
import { replaceFile } from '../durable-file';
import { composeMessage } from './compose-message';
import { inSentFolder, openImap, sentFolder } from './imap-session';
import { describeProblem } from './mail-problems';
import { openSmtp, type SmtpSession } from './smtp-session';
import { defaultTimeouts, type MailboxLogin, type MailboxSettings, type MailProblem, type MailTimeouts } from './mailbox-settings';

export interface OutboxOptions {
  /** The journal: every message and its state, replaced whole on each change so a crash leaves the old state or the new. */
  file: string;
  /** The mailbox's settings and password, when it is time to send (the password is unlocked only then). */
  login: (mailboxId: string) => Promise<MailboxLogin>;
  now?: () => Date;
  timeouts?: MailTimeouts;
  /**
   * After an attempt whose outcome is unknown, how long a provider that files
   * sent mail itself may take to do so before "not in Sent" means "did not go".
   */
  settleMs?: number;
  /** Between tries while the server cannot be reached. */
  retryMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendRound {
  sent: number;
  failed: number;
  /** Why sending stopped before the due messages were done (offline, wrong password...). */
  problem: MailProblem | null;
  /** When the next queued message is due; null when nothing waits. */
  nextAt: string | null;
}

export interface QueueOptions {
  mailbox: MailboxSettings;
  sendAt: string;
  perMinute: number | null;
  actor: Actor | null;
}

export type OutboxEdit = Partial<Pick<OutboxMessage, 'to' | 'subject' | 'text' | 'sendAt'>>;

interface Journal {
  version: 1;
  messages: OutboxMessage[];
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Outbox {
  private writes: Promise<void> = Promise.resolve();
  private running: Promise<SendRound> | null = null;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  private constructor(
    private readonly options: OutboxOptions,
    private messages: OutboxMessage[],
  ) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? realSleep;
  }

  static async open(options: OutboxOptions): Promise<Outbox> {
    let journal: Journal = { version: 1, messages: [] };
    try {
      journal = JSON.parse(await readFile(options.file, 'utf8')) as Journal;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`The outbox on this computer could not be read (${(error as Error).message}). Nothing was sent or changed.`, { cause: error });
    }
    // A message that was going out when the app stopped may have reached the server: look before sending it again.
    const messages = journal.messages.map((m) => (m.status === 'sending' ? { ...m, status: 'queued' as const, uncertain: true } : m));
    return new Outbox(options, messages);
  }

  list(): OutboxMessage[] {
    return this.messages.map((m) => ({ ...m }));
  }

  private find(id: string): OutboxMessage {
    const message = this.messages.find((m) => m.id === id);
    if (!message) throw new Error('That message is no longer in the outbox.');
    return message;
  }

  private save(): Promise<void> {
    const bytes = Buffer.from(JSON.stringify({ version: 1, messages: this.messages } satisfies Journal));
    this.writes = this.writes.catch(() => undefined).then(() => replaceFile(this.options.file, bytes));
    return this.writes;
  }

  private async change(id: string, patch: Partial<OutboxMessage>): Promise<OutboxMessage> {
    const index = this.messages.findIndex((m) => m.id === id);
    this.messages[index] = { ...this.messages[index], ...patch };
    await this.save();
    return this.messages[index];
  }

  /** Puts a batch in the outbox, each with its Message-ID from now on; stored before this returns. */
  async queue(drafts: readonly OutboxDraft[], options: QueueOptions): Promise<OutboxMessage[]> {
    const queuedAt = this.now().toISOString();
    const added = drafts.map((draft): OutboxMessage => {
      const id = randomUUID();
      return {
        ...draft, id, messageId: newMessageId(id, options.mailbox.address), from: options.mailbox.address, mailboxId: options.mailbox.id,
        status: 'queued', sendAt: options.sendAt, perMinute: options.perMinute, queuedAt, attempts: 0, lastAttemptAt: null, uncertain: false, failure: null,
        sentAt: null, logged: false, actor: options.actor,
      };
    });
    this.messages.push(...added);
    await this.save();
    return added.map((m) => ({ ...m }));
  }

  private changeable(id: string): OutboxMessage {
    const message = this.find(id);
    if (!canChange(message)) throw new Error(message.status === 'sent' ? 'This message has already been sent.' : message.status === 'sending' ? 'This message is being sent right now.' : 'This message was cancelled.');
    return message;
  }

  async edit(id: string, edit: OutboxEdit): Promise<OutboxMessage> {
    const message = this.changeable(id);
    // A failed message that may have gone stays failed until the person says send again: editing must not resend it.
    return this.change(id, { ...edit, status: message.status === 'failed' && !message.uncertain ? 'queued' : message.status, failure: message.status === 'failed' ? message.failure : null });
  }

  async hold(id: string): Promise<OutboxMessage> {
    this.changeable(id);
    return this.change(id, { status: 'held' });
  }

  /** Back in the queue: a held message, or a failed one the person wants tried again. */
  async release(id: string): Promise<OutboxMessage> {
    this.changeable(id);
    return this.change(id, { status: 'queued', failure: null, uncertain: false });
  }

  async cancel(id: string): Promise<OutboxMessage> {
    this.changeable(id);
    return this.change(id, { status: 'cancelled' });
  }

  /** The screens wrote these messages' timeline lines. */
  async markLogged(ids: readonly string[]): Promise<void> {
    const set = new Set(ids);
    this.messages = this.messages.map((m) => (set.has(m.id) && m.status === 'sent' ? { ...m, logged: true } : m));
    await this.save();
  }

  private due(): OutboxMessage[] {
    const now = this.now().getTime();
    return this.messages.filter((m) => m.status === 'queued' && Date.parse(m.sendAt) <= now).sort((a, b) => a.sendAt.localeCompare(b.sendAt) || a.queuedAt.localeCompare(b.queuedAt));
  }

  private nextAt(): string | null {
    const waiting = this.messages.filter((m) => m.status === 'queued').map((m) => m.sendAt).sort();
    return waiting[0] ?? null;
  }

  /** Sends what is due, one round; a second call while one runs joins it. */
  sendDue(): Promise<SendRound> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<SendRound> {
    const result: SendRound = { sent: 0, failed: 0, problem: null, nextAt: null };
    const mailboxIds = [...new Set(this.due().map((m) => m.mailboxId))];
    for (const mailboxId of mailboxIds) {
      const problem = await this.sendFor(mailboxId, result);
      result.problem ??= problem;
    }
    result.nextAt = this.nextAt();
    return result;
  }

  private async sendFor(mailboxId: string, result: SendRound): Promise<MailProblem | null> {
    const login = await this.options.login(mailboxId);
    const timeouts = this.options.timeouts ?? defaultTimeouts;
    let smtp: SmtpSession | null = null;
    let imap: ImapFlow | null = null;
    let sent: string | null = null;
    const sentFolderPath = async () => {
      imap ??= await openImap(login, timeouts);
      sent ??= await sentFolder(imap);
      return { client: imap, folder: sent };
    };
    let lastSentAt = Math.max(0, ...this.messages.filter((m) => m.mailboxId === mailboxId && m.sentAt).map((m) => Date.parse(m.sentAt!)));
    try {
      for (;;) {
        const next = this.due().find((m) => m.mailboxId === mailboxId);
        if (!next) return null;
        if (next.perMinute) {
          const wait = lastSentAt + 60_000 / next.perMinute - this.now().getTime();
          if (wait > 0) {
            await this.sleep(wait);
            continue; // held or cancelled meanwhile? look again
          }
        }
        if (next.uncertain) {
          const gone = await this.resolveUncertain(next, login.settings, sentFolderPath);
          if (gone !== 'send') {
            if (gone === 'sent') result.sent++;
            else result.failed++;
            continue;
          }
        }
        try {
          smtp ??= await openSmtp(login, timeouts);
        } catch (error) {
          const problem = describeProblem('smtp', login.settings.smtp, login.settings.user, error);
          return problem;
        }
        const message = await this.change(next.id, { status: 'sending', attempts: next.attempts + 1, lastAttemptAt: this.now().toISOString(), failure: null });
        const sentAt = this.now();
        const raw = await composeMessage(message, login.settings.name, sentAt);
        try {
          await smtp.send({ from: message.from, to: [message.to] }, raw);
        } catch (error) {
          const e = error as { responseCode?: number; message?: string; notStarted?: boolean };
          if (e.responseCode && e.responseCode >= 500) {
            await this.change(message.id, { status: 'failed', uncertain: false, failure: `The mail server refused this message: ${e.message ?? 'no reason given'}` });
            result.failed++;
            continue;
          }
          // A temporary refusal (4xx) means it did not go; anything else without an answer may have.
          await this.change(message.id, { status: 'queued', uncertain: !e.responseCode && !e.notStarted });
          smtp.close();
          smtp = null;
          return describeProblem('smtp', login.settings.smtp, login.settings.user, error);
        }
        await this.change(message.id, { status: 'sent', uncertain: false, sentAt: sentAt.toISOString() });
        lastSentAt = sentAt.getTime();
        result.sent++;
        if (!login.settings.savesSent) {
          try {
            const { client, folder } = await sentFolderPath();
            await client.append(folder, raw, ['\\Seen'], sentAt);
          } catch (error) {
            await this.change(message.id, { failure: `Sent, but not copied to your Sent folder: ${(error as Error).message}` });
          }
        }
      }
    } finally {
      smtp?.close();
      await (imap as ImapFlow | null)?.logout().catch(() => undefined);
    }
  }

  /**
   * A message whose last attempt may have reached the server. Where the
   * provider files sent mail itself, its Sent folder says: there, it went
   * (never send it twice); not there after `settleMs`, it did not. Elsewhere
   * nothing can tell, so the person decides.
   */
  private async resolveUncertain(message: OutboxMessage, settings: MailboxSettings, sentFolderPath: () => Promise<{ client: ImapFlow; folder: string }>): Promise<'sent' | 'send' | 'failed'> {
    if (!settings.savesSent) {
      await this.change(message.id, { status: 'failed', failure: 'The connection dropped while this message was going out, so it may have been sent. Check your Sent folder, then send it again or cancel it.' });
      return 'failed';
    }
    const attemptAt = Date.parse(message.lastAttemptAt ?? message.queuedAt);
    const settle = this.options.settleMs ?? 60_000;
    const { client, folder } = await sentFolderPath();
    // The provider gets the whole settling time from now, when it can be asked again: a server
    // that was down files what it took before going down only once it is back.
    const until = this.now().getTime() + settle;
    for (;;) {
      if (await inSentFolder(client, folder, message.messageId)) {
        await this.change(message.id, { status: 'sent', uncertain: false, sentAt: new Date(attemptAt).toISOString() });
        return 'sent';
      }
      const left = until - this.now().getTime();
      if (left <= 0) break;
      await this.sleep(Math.min(left, 1000));
    }
    await this.change(message.id, { uncertain: false });
    return 'send';
  }
}

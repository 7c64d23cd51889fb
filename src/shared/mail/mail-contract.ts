import { z } from 'zod';
import type { OutboxMessage } from '../domain/mail-outbox';

/**
 * The mailbox's and the outbox's part of the host API, spread into
 * `hostContract`. Passwords come in here and never go back out: the host
 * keeps them encrypted on this computer (src/main/services/mail).
 */
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not an id');
const email = z.string().trim().email('Not an email address').max(320);
const server = z.object({
  host: z.string().trim().min(1, 'Enter the server name').max(253).regex(/^[A-Za-z0-9.-]+$/, 'A server name has only letters, digits, dots and dashes'),
  port: z.number().int('A port is a whole number').min(1, 'Between 1 and 65535').max(65535, 'Between 1 and 65535'),
  security: z.enum(['tls', 'starttls', 'none']),
}).strict();

export const mailboxSettings = z.object({
  id,
  address: email,
  name: z.string().trim().min(1, 'Enter the name creators see').max(200),
  user: z.string().trim().min(1, 'Enter the user name (usually your email address)').max(320),
  imap: server,
  smtp: server,
  savesSent: z.boolean(),
}).strict();

export type MailboxSettingsInput = z.infer<typeof mailboxSettings>;

const password = z.string().min(1, 'Enter the password').max(1000);
const draft = z.object({
  to: email,
  subject: z.string().max(998),
  text: z.string().min(1, 'The message is empty').max(200_000),
  creatorId: z.string().max(128).nullable(),
  campaignId: z.string().max(128).nullable().optional(),
  engagementId: z.string().max(128).nullable().optional(),
}).strict();

export const mailContract = {
  /** The mailboxes connected on this computer, and whether their passwords are unlocked. */
  'mailbox-list': { input: z.object({}).strict() },
  /** The browser app's passphrase for the passwords file (the desktop app uses the keychain and never asks). */
  'mailbox-unlock': { input: z.object({ passphrase: z.string().min(8, 'At least 8 characters').max(1000) }).strict() },
  /** Logs in to both servers and says in plain words what is wrong; with no password, the saved one. */
  'mailbox-test': { input: z.object({ settings: mailboxSettings, password: password.optional() }).strict() },
  'mailbox-save': { input: z.object({ settings: mailboxSettings, password: password.optional() }).strict() },
  'mailbox-remove': { input: z.object({ id }).strict() },
  /** A batch into the outbox on this computer; each message gets its Message-ID now. */
  'outbox-queue': {
    input: z.object({
      mailboxId: id,
      messages: z.array(draft).min(1, 'Nothing to send').max(2000, 'At most 2,000 messages at once'),
      sendAt: z.string().datetime({ offset: true }),
      perMinute: z.number().int().min(1, 'At least one a minute').max(600, 'At most 600 a minute').nullable(),
      actor: z.object({ id: z.string().max(128), name: z.string().max(200).nullable() }).nullable(),
    }).strict(),
  },
  'outbox-list': { input: z.object({}).strict() },
  'outbox-change': {
    input: z.object({
      id: z.string().uuid(),
      action: z.enum(['hold', 'release', 'cancel', 'edit']),
      edit: z.object({ to: email.optional(), subject: z.string().max(998).optional(), text: z.string().min(1).max(200_000).optional(), sendAt: z.string().datetime({ offset: true }).optional() }).strict().optional(),
    }).strict(),
  },
  /** Tries now instead of waiting for the next round. */
  'outbox-send-now': { input: z.object({}).strict() },
  /** The screens wrote these sent messages' timeline lines. */
  'outbox-mark-logged': { input: z.object({ ids: z.array(z.string().uuid()).max(5000) }).strict() },
};

export interface MailProblemOutput {
  server: 'imap' | 'smtp';
  kind: 'wrong-password' | 'wrong-port' | 'tls-refused' | 'unreachable' | 'other';
  message: string;
}

export interface MailboxListOutput {
  mailboxes: (MailboxSettingsInput & { hasPassword: boolean })[];
  /** The browser app waits for the passphrase before it can send or test a saved password. */
  locked: boolean;
  /** No passwords file yet: the passphrase chosen now locks it. */
  firstPassphrase: boolean;
}

export interface OutboxRoundOutput {
  sent: number;
  failed: number;
  problem: MailProblemOutput | null;
  nextAt: string | null;
}

export interface MailOutputs {
  'mailbox-list': MailboxListOutput;
  'mailbox-unlock': MailboxListOutput;
  'mailbox-test': { ok: boolean; problems: MailProblemOutput[] };
  'mailbox-save': MailboxListOutput;
  'mailbox-remove': MailboxListOutput;
  'outbox-queue': { messages: OutboxMessage[] };
  'outbox-list': { messages: OutboxMessage[]; lastRound: OutboxRoundOutput | null };
  'outbox-change': { message: OutboxMessage };
  'outbox-send-now': OutboxRoundOutput;
  'outbox-mark-logged': { marked: number };
}

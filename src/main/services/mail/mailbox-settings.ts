import type { MailServerSettings } from '../../../shared/domain/mail-providers';

/** One teammate's mailbox on this computer. The password is kept apart (secret-store.ts), never in here. */
export interface MailboxSettings {
  id: string;
  /** The address mail goes out from. */
  address: string;
  /** The name creators see. */
  name: string;
  user: string;
  imap: MailServerSettings;
  smtp: MailServerSettings;
  savesSent: boolean;
}

export interface MailboxLogin {
  settings: MailboxSettings;
  password: string;
}

export type MailProblemKind = 'wrong-password' | 'wrong-port' | 'tls-refused' | 'unreachable' | 'other';

export interface MailProblem {
  server: 'imap' | 'smtp';
  kind: MailProblemKind;
  message: string;
}

/** Time limits for one step of talking to a server; tests shorten them. */
export interface MailTimeouts {
  connectMs: number;
  greetingMs: number;
}

export const defaultTimeouts: MailTimeouts = { connectMs: 15_000, greetingMs: 15_000 };

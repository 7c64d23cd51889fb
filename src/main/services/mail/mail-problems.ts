import type { MailProblem, MailProblemKind } from './mailbox-settings';
import type { MailServerSettings } from '../../../shared/domain/mail-providers';

interface MailError {
  code?: string;
  message?: string;
  responseCode?: number;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
}

const unreachableCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET']);

/** Which of the four things a person can fix went wrong, from an error of imapflow or nodemailer. */
export function problemKind(error: unknown): MailProblemKind {
  const e = (error ?? {}) as MailError;
  const text = `${e.code ?? ''} ${e.message ?? ''}`;
  if (e.authenticationFailed || e.code === 'EAUTH' || e.responseCode === 535 || /AUTHENTICATIONFAILED|authentication failed|invalid credentials/i.test(text)) return 'wrong-password';
  // Silence instead of a greeting: something listens there, but not this kind of server.
  if (e.code === 'GREETING_TIMEOUT' || e.code === 'EGREETING') return 'wrong-port';
  if (/ssl|tls|wrong version number|certificate|handshake/i.test(text)) return 'tls-refused';
  if (e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(text)) return 'wrong-port';
  if (e.code && unreachableCodes.has(e.code)) return 'unreachable';
  if (/ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|getaddrinfo/.test(text)) return 'unreachable';
  // Something answered, but not the server we asked for (an SMTP port given as IMAP, a web server...).
  if (/greeting|EPROTOCOL|unexpected|timeout|Connection closed|not an? (imap|smtp)/i.test(text)) return 'wrong-port';
  return 'other';
}

const serverName = { imap: 'incoming mail (IMAP)', smtp: 'outgoing mail (SMTP)' } as const;

/** The sentence a person reads, saying what to change. */
export function describeProblem(server: 'imap' | 'smtp', settings: MailServerSettings, user: string, error: unknown): MailProblem {
  const kind = problemKind(error);
  const where = `${settings.host}:${settings.port}`;
  const name = serverName[server];
  const messages: Record<MailProblemKind, string> = {
    'wrong-password': `The ${name} server at ${settings.host} refused the password for ${user}. Check the password; most providers want an app password here, not the one you sign in with.`,
    'wrong-port': `Something answers at ${where}, but not a ${server === 'imap' ? 'IMAP' : 'SMTP'} server, or nothing listens on port ${settings.port}. Check the port for ${name}.`,
    'tls-refused': settings.security === 'tls'
      ? `The ${name} server at ${where} did not accept an encrypted (TLS) connection on this port. Check the port, or choose STARTTLS if your provider says so.`
      : `The ${name} server at ${where} refused to switch to an encrypted connection (STARTTLS). Check the port and the security setting.`,
    unreachable: `Fanfare could not reach ${settings.host} for ${name}. Check the server name and that this computer is online.`,
    other: `The ${name} server at ${where} answered with an error: ${(error as MailError)?.message ?? String(error)}`,
  };
  return { server, kind, message: messages[kind] };
}

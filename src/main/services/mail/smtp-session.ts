import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { defaultTimeouts, type MailboxLogin, type MailTimeouts } from './mailbox-settings';

/**
 * One logged-in SMTP conversation. The outbox uses the connection directly
 * (not a nodemailer transport) because it must know which step failed: a
 * failure before `send` starts means the message cannot have gone; one
 * during it, without the server's answer, means it may have.
 */
export interface SmtpSession {
  send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<void>;
  close(): void;
}

export async function openSmtp(login: MailboxLogin, timeouts: MailTimeouts = defaultTimeouts): Promise<SmtpSession> {
  const { smtp, user } = login.settings;
  const connection = new SMTPConnection({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: 60_000,
  });
  // Connecting reports failure only as an 'error' event (its callback is for success);
  // later steps report through their callbacks, and the event is then a repeat.
  let failConnect: ((error: Error) => void) | null = null;
  connection.on('error', (error) => failConnect?.(error));
  try {
    await new Promise<void>((resolve, reject) => {
      failConnect = reject;
      connection.connect((error) => (error ? reject(error) : resolve()));
    });
    failConnect = null;
    await new Promise<void>((resolve, reject) => connection.login({ user, pass: login.password }, (error) => (error ? reject(error) : resolve())));
  } catch (error) {
    connection.close();
    throw error;
  }
  return {
    send: (envelope, raw) =>
      new Promise<void>((resolve, reject) => {
        if (connection.destroyed) {
          reject(Object.assign(new Error('The connection to the outgoing mail server closed.'), { code: 'ECONNECTION', notStarted: true }));
          return;
        }
        connection.send(envelope, raw, (error) => (error ? reject(error) : resolve()));
      }),
    close: () => {
      if (!connection.destroyed) connection.quit();
    },
  };
}

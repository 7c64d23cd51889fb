/**
 * The settings of the mailbox providers most teams use, to prefill the
 * "Connect a mailbox" form. Each comes from the provider's own published page
 * (cited). `savesSent`: the provider files what goes out through its SMTP
 * server in the Sent folder itself, so Fanfare must not add a second copy.
 */
export type MailSecurity = 'tls' | 'starttls' | 'none';

export interface MailServerSettings {
  host: string;
  port: number;
  /** tls: encrypted from the first byte; starttls: upgraded after connecting (refused if the server cannot); none: only for a server on this computer. */
  security: MailSecurity;
}

export interface MailProvider {
  id: string;
  name: string;
  imap: MailServerSettings;
  smtp: MailServerSettings;
  savesSent: boolean;
  /** What the person needs to do at the provider first, in plain words. */
  hint: string;
}

export const mailProviders: readonly MailProvider[] = [
  // https://support.google.com/mail/answer/7126229 (IMAP imap.gmail.com:993 SSL, SMTP smtp.gmail.com:465 SSL).
  // Gmail puts mail sent through its SMTP server in Sent Mail by itself.
  {
    id: 'gmail', name: 'Gmail / Google Workspace',
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' }, smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    savesSent: true, hint: 'Use an app password (Google Account → Security → App passwords); IMAP must be on in Gmail’s settings.',
  },
  // https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040
  // (IMAP outlook.office365.com:993 SSL/TLS, SMTP smtp-mail.outlook.com:587 STARTTLS; Microsoft 365: smtp.office365.com:587).
  {
    id: 'outlook', name: 'Outlook.com / Microsoft 365',
    imap: { host: 'outlook.office365.com', port: 993, security: 'tls' }, smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    savesSent: true, hint: 'Your Microsoft 365 admin may need to allow “Authenticated SMTP” for your mailbox.',
  },
  // https://support.apple.com/en-us/102525 (IMAP imap.mail.me.com:993 SSL, SMTP smtp.mail.me.com:587 STARTTLS).
  {
    id: 'icloud', name: 'iCloud Mail',
    imap: { host: 'imap.mail.me.com', port: 993, security: 'tls' }, smtp: { host: 'smtp.mail.me.com', port: 587, security: 'starttls' },
    savesSent: false, hint: 'Use an app-specific password (appleid.apple.com → Sign-In and Security).',
  },
  // https://www.fastmail.help/hc/en-us/articles/1500000278342-Server-names-and-ports
  // (IMAP imap.fastmail.com:993 SSL, SMTP smtp.fastmail.com:465 SSL).
  {
    id: 'fastmail', name: 'Fastmail',
    imap: { host: 'imap.fastmail.com', port: 993, security: 'tls' }, smtp: { host: 'smtp.fastmail.com', port: 465, security: 'tls' },
    savesSent: false, hint: 'Use an app password (Settings → Privacy & Security → App passwords).',
  },
  // https://help.yahoo.com/kb/SLN4075.html (IMAP imap.mail.yahoo.com:993 SSL, SMTP smtp.mail.yahoo.com:465 SSL).
  {
    id: 'yahoo', name: 'Yahoo Mail',
    imap: { host: 'imap.mail.yahoo.com', port: 993, security: 'tls' }, smtp: { host: 'smtp.mail.yahoo.com', port: 465, security: 'tls' },
    savesSent: false, hint: 'Use an app password (Account Info → Account security → Generate app password).',
  },
];

export function mailProvider(id: string): MailProvider | undefined {
  return mailProviders.find((p) => p.id === id);
}

import type { MailboxLogin } from '../../../src/main/services/mail/mailbox-settings';
import { mailAccounts, type MailServer } from '../../support/mail-server';

/** The brand's mailbox on the test server, as a person would fill in the form. */
export function brandLogin(server: MailServer, savesSent = false): MailboxLogin {
  return {
    settings: {
      id: 'mb-brand', address: mailAccounts.brand.address, name: 'Fanfare Brand', user: mailAccounts.brand.address,
      imap: { host: server.host, port: server.imapPort, security: 'none' },
      smtp: { host: server.host, port: server.smtpPort, security: 'none' },
      savesSent,
    },
    password: mailAccounts.brand.password,
  };
}

import { mailProviders, type MailProvider } from '../../../../shared/domain/mail-providers';
import type { MailboxSettingsInput } from '../../../../shared/mail/mail-contract';

/** A new mailbox's settings, prefilled from a provider's published ones. */
export function settingsFrom(provider: MailProvider | undefined, address: string, name: string, id: string): MailboxSettingsInput {
  const p = provider ?? mailProviders[0];
  return { id, address, name, user: address, imap: { ...p.imap }, smtp: { ...p.smtp }, savesSent: p.savesSent };
}

export const securityLabels = { tls: 'TLS (encrypted from the start)', starttls: 'STARTTLS (encrypted after connecting)', none: 'None (only a server on this computer)' } as const;

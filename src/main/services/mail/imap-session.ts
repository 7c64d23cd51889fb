import { ImapFlow } from 'imapflow';
import { defaultTimeouts, type MailboxLogin, type MailTimeouts } from './mailbox-settings';

export async function openImap(login: MailboxLogin, timeouts: MailTimeouts = defaultTimeouts): Promise<ImapFlow> {
  const { imap, user } = login.settings;
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.security === 'tls',
    doSTARTTLS: imap.security === 'starttls' ? true : imap.security === 'none' ? false : undefined,
    auth: { user, pass: login.password },
    logger: false,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.greetingMs,
  });
  // Errors after connecting arrive as events too; the awaited calls report them.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** The mailbox's Sent folder: the one marked \Sent, else one named Sent. */
export async function sentFolder(client: ImapFlow): Promise<string> {
  const folders = await client.list();
  const marked = folders.find((f) => f.specialUse === '\\Sent');
  const named = folders.find((f) => /^(sent|sent items|sent mail|sent messages)$/i.test(f.name));
  const folder = marked ?? named;
  if (!folder) throw new Error('This mailbox has no Sent folder.');
  return folder.path;
}

/** Whether a message with this Message-ID is in the Sent folder (the provider filed it, or we did). */
export async function inSentFolder(client: ImapFlow, folder: string, messageId: string): Promise<boolean> {
  const lock = await client.getMailboxLock(folder);
  try {
    const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
    return Array.isArray(found) && found.length > 0;
  } finally {
    lock.release();
  }
}

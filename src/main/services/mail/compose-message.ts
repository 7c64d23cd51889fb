import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboxMessage } from '../../../shared/domain/mail-outbox';

/** The message's bytes, with its own Message-ID (the same on every attempt). */
export async function composeMessage(message: OutboxMessage, fromName: string, date: Date): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: fromName, address: message.from },
    to: message.to,
    subject: message.subject,
    text: message.text,
    messageId: message.messageId,
    date,
  });
  return composer.compile().build();
}

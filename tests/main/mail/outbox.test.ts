import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Outbox } from '../../../src/main/services/mail/outbox';
import type { MailboxLogin } from '../../../src/main/services/mail/mailbox-settings';
import type { OutboxDraft, OutboxMessage } from '../../../src/shared/domain/mail-outbox';
import { mailAccounts, mailServerAvailable, startMailServer, type MailAccount, type MailServer } from '../../support/mail-server';
import { brandLogin } from './mail-login';

const quick = { connectMs: 3000, greetingMs: 3000 };
const drafts = (n: number, to = mailAccounts.ana.address): OutboxDraft[] =>
  Array.from({ length: n }, (_, i) => ({ to, subject: `Summer launch ${i + 1}`, text: `Hi, message ${i + 1}`, creatorId: 'cr-ana' }));

async function delivered(server: MailServer, account: MailAccount, expected: number, folder = 'INBOX'): Promise<string[]> {
  // Postfix hands mail to Dovecot a moment after accepting it: wait for the count, then a little longer for any extra copy.
  const deadline = Date.now() + 20_000;
  let ids = await server.messageIds(account, folder);
  while (ids.length < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    ids = await server.messageIds(account, folder);
  }
  await new Promise((r) => setTimeout(r, 1500));
  return server.messageIds(account, folder);
}

function counts(ids: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const id of ids) map.set(id, (map.get(id) ?? 0) + 1);
  return map;
}

let dir: string;
const openOutbox = (login: MailboxLogin, settleMs = 3000) => Outbox.open({ file: join(dir, 'outbox.json'), login: async () => login, timeouts: quick, settleMs });
const queueOptions = (login: MailboxLogin) => ({ mailbox: login.settings, sendAt: new Date(0).toISOString(), perMinute: null, actor: { id: 'p-1', name: 'Priya' } });

describe.runIf(mailServerAvailable())('the outbox, sending through a real Postfix and Dovecot', () => {
  describe('a provider that does not file sent mail itself (Fanfare copies it to Sent)', () => {
    let server: MailServer;
    beforeAll(async () => {
      server = await startMailServer();
    }, 60_000);
    afterAll(() => server?.close());
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    test('20 queued while the SMTP server is down go out once it is back, each exactly once, and land in Sent', async () => {
      dir = mkdtempSync(join(tmpdir(), 'fanfare-outbox-'));
      const login = brandLogin(server);
      await server.stopSmtp();
      const outbox = await openOutbox(login);
      const queued = await outbox.queue(drafts(20), queueOptions(login));
      expect(new Set(queued.map((m) => m.messageId)).size).toBe(20);

      const offline = await outbox.sendDue();
      expect(offline).toMatchObject({ sent: 0, problem: { server: 'smtp', kind: 'wrong-port' } });
      expect(outbox.list().map((m) => m.status)).toEqual(Array(20).fill('queued'));
      // Still there after the app restarts, with the same Message-IDs.
      expect((await openOutbox(login)).list().map((m) => m.messageId)).toEqual(queued.map((m) => m.messageId));

      await server.startSmtp();
      const round = await (await openOutbox(login)).sendDue();
      expect(round).toMatchObject({ sent: 20, failed: 0, problem: null, nextAt: null });

      const inbox = counts(await delivered(server, mailAccounts.ana, 20));
      expect(inbox.size).toBe(20);
      for (const m of queued) expect(inbox.get(m.messageId), m.messageId).toBe(1);
      const sentFolder = counts(await server.messageIds(mailAccounts.brand, 'Sent'));
      for (const m of queued) expect(sentFolder.get(m.messageId), m.messageId).toBe(1);
      const stored = JSON.parse(readFileSync(join(dir, 'outbox.json'), 'utf8')) as { messages: OutboxMessage[] };
      expect(stored.messages.every((m) => m.status === 'sent' && m.sentAt && m.attempts === 1 && !m.logged)).toBe(true);
    }, 120_000);

    test('held, cancelled and edited messages: only what is queued goes, as edited', async () => {
      dir = mkdtempSync(join(tmpdir(), 'fanfare-outbox-'));
      const login = brandLogin(server);
      const outbox = await openOutbox(login);
      const [a, b, c] = await outbox.queue(drafts(3, mailAccounts.ben.address), queueOptions(login));
      await outbox.hold(a.id);
      await outbox.cancel(b.id);
      await outbox.edit(c.id, { subject: 'Edited before it went' });
      expect(await outbox.sendDue()).toMatchObject({ sent: 1 });
      expect(outbox.list().map((m) => m.status)).toEqual(['held', 'cancelled', 'sent']);
      await expect(outbox.edit(c.id, { subject: 'too late' })).rejects.toThrow('already been sent');
      const ids = await delivered(server, mailAccounts.ben, 1);
      expect(ids).toEqual([c.messageId]);
    }, 60_000);

    test('an attempt that may have gone, where nothing can tell: failed with the reason, never resent by itself', async () => {
      dir = mkdtempSync(join(tmpdir(), 'fanfare-outbox-'));
      const login = brandLogin(server);
      const [message] = await (await openOutbox(login)).queue(drafts(1, mailAccounts.ben.address), queueOptions(login));
      // As if the app stopped while sending: the journal says "sending".
      const file = join(dir, 'outbox.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"status":"queued"', '"status":"sending"'));
      const before = (await server.messageIds(mailAccounts.ben)).length;
      const outbox = await openOutbox(login);
      expect(await outbox.sendDue()).toMatchObject({ sent: 0, failed: 1 });
      expect(outbox.list()[0]).toMatchObject({ id: message.id, status: 'failed', failure: expect.stringMatching(/may have been sent\. Check your Sent folder/) });
      expect((await server.messageIds(mailAccounts.ben)).length).toBe(before);
    }, 60_000);
  });

  describe('a provider that files sent mail itself (as Gmail does)', () => {
    let server: MailServer;
    beforeAll(async () => {
      server = await startMailServer({ savesSent: true });
    }, 60_000);
    afterAll(() => server?.close());
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    test('the app stopped after the server took a message: found in Sent, not sent again', async () => {
      dir = mkdtempSync(join(tmpdir(), 'fanfare-outbox-'));
      const login = brandLogin(server, true);
      const [message] = await (await openOutbox(login)).queue(drafts(1, mailAccounts.ben.address), queueOptions(login));
      // The send the app did not live to record: the same Message-ID, through plain SMTP.
      const transport = nodemailer.createTransport({ host: server.host, port: server.smtpPort, secure: false, ignoreTLS: true, auth: { user: mailAccounts.brand.address, pass: mailAccounts.brand.password } });
      await transport.sendMail({ from: message.from, to: message.to, subject: message.subject, text: message.text, messageId: message.messageId });
      await delivered(server, mailAccounts.brand, 1, 'Sent');
      const file = join(dir, 'outbox.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"status":"queued"', '"status":"sending"'));

      const outbox = await openOutbox(login);
      expect(await outbox.sendDue()).toMatchObject({ sent: 1, failed: 0 });
      expect(outbox.list()[0]).toMatchObject({ status: 'sent', attempts: 0 });
      expect(await delivered(server, mailAccounts.ben, 1)).toEqual([message.messageId]);
    }, 60_000);

    test('the connection killed in the middle of a batch: the retry sends the rest, none twice', async () => {
      dir = mkdtempSync(join(tmpdir(), 'fanfare-outbox-'));
      const login = brandLogin(server, true);
      const outbox = await openOutbox(login);
      const queued = await outbox.queue(drafts(30), queueOptions(login));
      const round = outbox.sendDue();
      while (outbox.list().filter((m) => m.status === 'sent').length < 8) await new Promise((r) => setTimeout(r, 5));
      await server.killSmtp();
      const first = await round;
      expect(first.problem).not.toBeNull();
      expect(first.sent).toBeGreaterThanOrEqual(8);
      expect(first.sent).toBeLessThan(30);

      // The app restarts and tries again (Postfix may pause a second before taking connections again).
      const reopened = await openOutbox(login);
      let sentLater = 0;
      for (let i = 0; i < 5 && reopened.list().some((m) => m.status === 'queued'); i++) {
        if (i) await new Promise((r) => setTimeout(r, 1500));
        sentLater += (await reopened.sendDue()).sent;
      }
      expect(first.sent + sentLater).toBe(30);
      const inbox = counts(await delivered(server, mailAccounts.ana, 30));
      for (const m of queued) expect(inbox.get(m.messageId), m.messageId).toBe(1);
    }, 120_000);
  });
});

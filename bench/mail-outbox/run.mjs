// Mail outbox benchmark: 500 messages through the outbox to a real Postfix on
// 127.0.0.1 (tests/support/mail-server.ts; needs root, as CI runs), against the
// same 500 sent with nodemailer directly over one pooled connection. The
// difference per message is our own overhead: the journal replaced on disk
// twice per message (sending, sent), composing, and the bookkeeping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import nodemailer from 'nodemailer';
import { build } from 'vite';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const outDir = resolve(root, 'out/bench-mail-outbox');
const count = Number(process.env.BENCH_MAIL_MESSAGES ?? 500);

await build({
  root, configFile: false, logLevel: 'warn',
  build: {
    ssr: true, outDir, emptyOutDir: true, target: 'node20', minify: false,
    rollupOptions: { input: { lib: join(here, 'lib.ts') }, output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' } },
  },
});
const { Outbox, startMailServer, mailAccounts } = await import(pathToFileURL(join(outDir, 'lib.mjs')).href);

const server = await startMailServer();
const dir = mkdtempSync(join(tmpdir(), 'fanfare-bench-outbox-'));
const drafts = Array.from({ length: count }, (_, i) => ({ to: mailAccounts.ana.address, subject: `Summer launch ${i + 1}`, text: `Hi Ana,\n\nmessage ${i + 1} of the benchmark.\n\nPriya`, creatorId: 'cr-ana' }));
const settings = (savesSent) => ({
  id: 'mb-brand', address: mailAccounts.brand.address, name: 'Fanfare Brand', user: mailAccounts.brand.address,
  imap: { host: server.host, port: server.imapPort, security: 'none' }, smtp: { host: server.host, port: server.smtpPort, security: 'none' }, savesSent,
});

try {
  // Plain nodemailer: one pooled connection, one message after the other.
  const transport = nodemailer.createTransport({ pool: true, maxConnections: 1, host: server.host, port: server.smtpPort, secure: false, ignoreTLS: true, auth: { user: mailAccounts.brand.address, pass: mailAccounts.brand.password } });
  let started = performance.now();
  for (const [i, d] of drafts.entries()) await transport.sendMail({ from: { name: 'Fanfare Brand', address: mailAccounts.brand.address }, to: d.to, subject: d.subject, text: d.text, messageId: `<plain-${i}@fanfare.test>` });
  const plainSeconds = (performance.now() - started) / 1000;
  transport.close();

  const throughOutbox = async (savesSent, file) => {
    const login = { settings: settings(savesSent), password: mailAccounts.brand.password };
    const outbox = await Outbox.open({ file: join(dir, file), login: async () => login });
    const t0 = performance.now();
    await outbox.queue(drafts, { mailbox: login.settings, sendAt: new Date(0).toISOString(), perMinute: null, actor: null });
    const round = await outbox.sendDue();
    const seconds = (performance.now() - t0) / 1000;
    if (round.sent !== count) throw new Error(`Only ${round.sent} of ${count} went: ${round.problem?.message}`);
    return seconds;
  };
  // As with Gmail (the provider files sent mail itself): queue and send only.
  const outboxSeconds = await throughOutbox(true, 'outbox-a.json');
  // As with iCloud or Fastmail: each sent message also appended to Sent over IMAP.
  const appendSeconds = await throughOutbox(false, 'outbox-b.json');

  const perMessage = (s) => (s * 1000) / count;
  const results = {
    messages: count,
    plainNodemailer: { seconds: +plainSeconds.toFixed(2), msPerMessage: +perMessage(plainSeconds).toFixed(2) },
    outbox: { seconds: +outboxSeconds.toFixed(2), msPerMessage: +perMessage(outboxSeconds).toFixed(2) },
    outboxWithSentCopy: { seconds: +appendSeconds.toFixed(2), msPerMessage: +perMessage(appendSeconds).toFixed(2) },
    overheadMsPerMessage: +(perMessage(outboxSeconds) - perMessage(plainSeconds)).toFixed(2),
    ratioToPlain: +(outboxSeconds / plainSeconds).toFixed(2),
    ratioWithSentCopyToPlain: +(appendSeconds / plainSeconds).toFixed(2),
  };
  console.log(`${count} messages: plain nodemailer ${results.plainNodemailer.seconds} s (${results.plainNodemailer.msPerMessage} ms each)`);
  console.log(`  through the outbox ${results.outbox.seconds} s (${results.outbox.msPerMessage} ms each): ${results.overheadMsPerMessage} ms per message of our own, ×${results.ratioToPlain} of plain`);
  console.log(`  through the outbox with a Sent copy over IMAP ${results.outboxWithSentCopy.seconds} s (${results.outboxWithSentCopy.msPerMessage} ms each), ×${results.ratioWithSentCopyToPlain} of plain`);
  globalThis.__benchResults = results;
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

export default globalThis.__benchResults;

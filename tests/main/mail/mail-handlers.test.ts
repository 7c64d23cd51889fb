import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHostHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/shared/api/dispatch';
import type { HostMethod, HostOutputs } from '../../../src/shared/api/contract';
import { mailAccounts, mailServerAvailable, startMailServer, type MailServer } from '../../support/mail-server';
import { brandLogin } from './mail-login';

const ctx = () => ({ transport: 'in-process' as const, progress: () => undefined, signal: new AbortController().signal });

describe.runIf(mailServerAvailable())('the mailbox and outbox calls, in process against the real server', () => {
  let server: MailServer;
  let dir: string;
  let handlers: ReturnType<typeof createHostHandlers>;
  beforeAll(async () => {
    server = await startMailServer();
    dir = mkdtempSync(join(tmpdir(), 'fanfare-mail-handlers-'));
    handlers = createHostHandlers({ mailDir: dir });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function call<M extends HostMethod>(method: M, input: unknown): Promise<HostOutputs[M]> {
    return (await dispatch(handlers, method, input, ctx())) as HostOutputs[M];
  }

  test('connect with a passphrase, test, queue a batch and see it sent; the password never comes back out', async () => {
    const { settings, password } = brandLogin(server);
    expect(await call('mailbox-list', {})).toEqual({ mailboxes: [], locked: true, firstPassphrase: true });
    await expect(call('mailbox-save', { settings, password })).rejects.toThrow(/passphrase first/);
    await call('mailbox-unlock', { passphrase: 'our team passphrase' });
    const wrong = await call('mailbox-test', { settings, password: 'nope' });
    expect(wrong.problems.map((p) => p.kind)).toEqual(['wrong-password', 'wrong-password']);
    expect(await call('mailbox-test', { settings, password })).toEqual({ ok: true, problems: [] });
    const saved = await call('mailbox-save', { settings, password });
    expect(saved.mailboxes).toEqual([{ ...settings, hasPassword: true }]);
    expect(JSON.stringify(saved)).not.toContain(password);
    expect(readFileSync(join(dir, 'passwords.json'), 'utf8')).not.toContain(password);
    expect(readFileSync(join(dir, 'mailboxes.json'), 'utf8')).not.toContain(password);

    const messages = [1, 2, 3].map((i) => ({ to: mailAccounts.ben.address, subject: `Hello ${i}`, text: `Message ${i}`, creatorId: 'cr-ben' }));
    const queued = await call('outbox-queue', { mailboxId: settings.id, messages, sendAt: new Date().toISOString(), perMinute: null, actor: { id: 'p-1', name: 'Priya' } });
    expect(queued.messages.map((m) => m.status)).toEqual(['queued', 'queued', 'queued']);
    await call('outbox-send-now', {});
    const listed = await call('outbox-list', {});
    expect(listed.messages.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
    await call('outbox-mark-logged', { ids: listed.messages.map((m) => m.id) });
    expect((await call('outbox-list', {})).messages.every((m) => m.logged)).toBe(true);
    await expect(call('outbox-change', { id: listed.messages[0].id, action: 'cancel' })).rejects.toThrow('already been sent');
  }, 60_000);

  test('a wrong passphrase is refused in plain words', async () => {
    const other = createHostHandlers({ mailDir: dir });
    await expect(dispatch(other, 'mailbox-unlock', { passphrase: 'not our passphrase' }, ctx())).rejects.toMatchObject({ code: 'unauthorized', message: 'That passphrase does not unlock the mailbox passwords saved on this computer.' });
  }, 30_000);
});

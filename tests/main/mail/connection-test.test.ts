import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testMailConnection } from '../../../src/main/services/mail/connection-test';
import { mailServerAvailable, startMailServer, type MailServer } from '../../support/mail-server';
import { brandLogin } from './mail-login';

const quick = { connectMs: 3000, greetingMs: 3000 };

describe.runIf(mailServerAvailable())('testing a mailbox connection against a real Postfix and Dovecot', () => {
  let server: MailServer;
  beforeAll(async () => {
    server = await startMailServer();
  }, 60_000);
  afterAll(() => server?.close());

  test('the right settings pass both servers', async () => {
    expect(await testMailConnection(brandLogin(server), quick)).toEqual({ ok: true, problems: [] });
  });

  test('a wrong password is named as such, for both servers', async () => {
    const result = await testMailConnection({ ...brandLogin(server), password: 'not-it' }, quick);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.server, p.kind])).toEqual([['imap', 'wrong-password'], ['smtp', 'wrong-password']]);
    expect(result.problems[0].message).toMatch(/refused the password for brand@fanfare\.test/);
  });

  test('ports swapped: each finds the other kind of server, a wrong port', async () => {
    const login = brandLogin(server);
    login.settings.imap.port = server.smtpPort;
    login.settings.smtp.port = server.imapPort;
    const result = await testMailConnection(login, quick);
    expect(result.problems.map((p) => [p.server, p.kind])).toEqual([['imap', 'wrong-port'], ['smtp', 'wrong-port']]);
    expect(result.problems[1].message).toMatch(/not a SMTP server|nothing listens/);
  });

  test('a port where nothing listens is a wrong port', async () => {
    const login = brandLogin(server);
    login.settings.smtp.port = 9; // discard: nothing listens there on the test machine
    const result = await testMailConnection(login, quick);
    expect(result.problems.map((p) => [p.server, p.kind])).toEqual([['smtp', 'wrong-port']]);
  });

  test('TLS asked of a server that does not speak it on that port: TLS refused', async () => {
    const login = brandLogin(server);
    login.settings.imap.security = 'tls';
    login.settings.smtp.security = 'tls';
    const result = await testMailConnection(login, quick);
    expect(result.problems.map((p) => [p.server, p.kind])).toEqual([['imap', 'tls-refused'], ['smtp', 'tls-refused']]);
    expect(result.problems[0].message).toMatch(/did not accept an encrypted \(TLS\) connection/);
  });

  test('STARTTLS required but the server offers none: TLS refused', async () => {
    const login = brandLogin(server);
    login.settings.imap.security = 'starttls';
    login.settings.smtp.security = 'starttls';
    const result = await testMailConnection(login, quick);
    expect(result.problems.map((p) => [p.server, p.kind])).toEqual([['imap', 'tls-refused'], ['smtp', 'tls-refused']]);
  });

  test('a server name that does not exist: unreachable', async () => {
    const login = brandLogin(server);
    login.settings.imap.host = 'mail.does-not-exist.invalid';
    login.settings.smtp.host = 'mail.does-not-exist.invalid';
    const result = await testMailConnection(login, quick);
    expect(result.problems.map((p) => [p.server, p.kind])).toEqual([['imap', 'unreachable'], ['smtp', 'unreachable']]);
    expect(result.problems[1].message).toMatch(/could not reach mail\.does-not-exist\.invalid/);
  });
});

import { describeProblem } from './mail-problems';
import { openImap } from './imap-session';
import { openSmtp } from './smtp-session';
import { defaultTimeouts, type MailboxLogin, type MailProblem, type MailTimeouts } from './mailbox-settings';

export interface ConnectionTestResult {
  ok: boolean;
  /** One per server that failed, in plain words. */
  problems: MailProblem[];
}

/** Logs in to both servers, as sending and reading will, and says what is wrong with each. */
export async function testMailConnection(login: MailboxLogin, timeouts: MailTimeouts = defaultTimeouts): Promise<ConnectionTestResult> {
  const { settings } = login;
  const imap = openImap(login, timeouts).then(
    async (client) => {
      await client.logout().catch(() => client.close());
      return null;
    },
    (error: unknown) => describeProblem('imap', settings.imap, settings.user, error),
  );
  const smtp = openSmtp(login, timeouts).then(
    (session) => {
      session.close();
      return null;
    },
    (error: unknown) => describeProblem('smtp', settings.smtp, settings.user, error),
  );
  const problems = (await Promise.all([imap, smtp])).filter((p): p is MailProblem => p !== null);
  return { ok: problems.length === 0, problems };
}

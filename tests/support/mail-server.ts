// A real mail server for tests: Postfix (SMTP submission with a login) in
// front of Dovecot (IMAP, and LMTP delivery into Maildirs), both from
// Debian's packages, both on 127.0.0.1 only, each on a free port, with their
// own configuration and files under a temporary folder. Nothing of the
// system's own Postfix or Dovecot configuration is used or changed.
//
// The brand's mailbox behaves like Gmail's when `savesSent` is on: Postfix
// copies everything the brand sends to brand+Sent@, which Dovecot files in the
// Sent folder (lmtp_save_to_detail_mailbox), so tests can cover both kinds of
// provider.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port';

export interface MailAccount {
  address: string;
  password: string;
}

export const mailAccounts = {
  brand: { address: 'brand@fanfare.test', password: 'brand-app-password' },
  ana: { address: 'ana@creators.test', password: 'ana-password' },
  ben: { address: 'ben@creators.test', password: 'ben-password' },
} satisfies Record<string, MailAccount>;

export interface MailServer {
  host: '127.0.0.1';
  smtpPort: number;
  imapPort: number;
  /** Stops Postfix cleanly; IMAP stays up. */
  stopSmtp(): Promise<void>;
  /**
   * Kills the SMTP server processes talking to clients (Postfix's smtpd), so
   * every open connection drops mid-conversation, as a crash or a pulled cable
   * would. Postfix's queue and delivery keep running: killing those too would
   * make Postfix itself deliver a message twice after its restart.
   */
  killSmtp(): Promise<void>;
  startSmtp(): Promise<void>;
  stopImap(): Promise<void>;
  startImap(): Promise<void>;
  /** The Message-ID headers of every message in one of an account's folders. */
  messageIds(account: MailAccount, folder?: string): Promise<string[]>;
  close(): Promise<void>;
}

const postfixDaemons = '/usr/lib/postfix/sbin';

export function mailServerAvailable(): boolean {
  return spawnSync('sh', ['-c', `command -v dovecot && test -x ${postfixDaemons}/master`]).status === 0;
}


async function waitForPort(port: number, up: boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`${what} did not ${up ? 'start' : 'stop'} on port ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The processes a parent started under a given program name (from /proc, Linux only). */
function childrenNamed(parent: number | undefined, name: string): number[] {
  if (!parent) return [];
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((entry) => {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return comm === name && ppid === parent ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}

function idOf(flag: '-u' | '-g', user: string): string {
  const result = spawnSync('id', [flag, user], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`The user ${user} is missing: is the postfix package installed? ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * An `apt-get install` of Postfix and Dovecot may start the system's own
 * copies, listening on every interface (Postfix on :25, Dovecot on :143 and
 * :993). Stop them: the tests bring their own, on 127.0.0.1 only.
 */
export function stopSystemMailServers(): void {
  spawnSync('postfix', ['stop'], { stdio: 'ignore' });
  spawnSync('doveadm', ['stop'], { stdio: 'ignore' });
}

export async function startMailServer(options: { savesSent?: boolean } = {}): Promise<MailServer> {
  if (process.getuid?.() !== 0) throw new Error('The test mail server runs Postfix and Dovecot, which need root (CI runs as root).');
  stopSystemMailServers();
  const root = mkdtempSync(join(tmpdir(), 'fanfare-mail-'));
  chmodSync(root, 0o755);
  const [smtpPort, imapPort, lmtpPort, authPort] = [await freePort(), await freePort(), await freePort(), await freePort()];

  const mailHome = join(root, 'mail');
  mkdirSync(mailHome, { mode: 0o755 });
  chownSync(mailHome, 8, 8); // Debian's `mail` user owns the Maildirs.
  const users = Object.values(mailAccounts).map((a) => `${a.address}:{PLAIN}${a.password}::::::`).join('\n');
  writeFileSync(join(root, 'users'), `${users}\n`, { mode: 0o644 });
  mkdirSync(join(root, 'dovecot-run'), { mode: 0o755 });
  writeFileSync(
    join(root, 'dovecot.conf'),
    `base_dir = ${root}/dovecot-run
state_dir = ${root}/dovecot-state
log_path = ${root}/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_uid = mail
mail_gid = mail
first_valid_uid = 8
mail_location = maildir:~/Maildir
recipient_delimiter = +
lmtp_save_to_detail_mailbox = yes
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${root}/users
}
userdb {
  driver = static
  args = uid=mail gid=mail home=${mailHome}/%d/%n
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
}
service auth {
  inet_listener {
    address = 127.0.0.1
    port = ${authPort}
  }
}
`,
  );

  const postfixDir = join(root, 'postfix');
  mkdirSync(postfixDir, { mode: 0o755 });
  const queue = join(root, 'postfix-queue');
  mkdirSync(queue, { mode: 0o755 });
  const dataDir = join(root, 'postfix-data');
  mkdirSync(dataDir, { mode: 0o700 });
  const postfixUid = Number(idOf('-u', 'postfix'));
  const postdropGid = Number(spawnSync('getent', ['group', 'postdrop'], { encoding: 'utf8' }).stdout.split(':')[2]);
  chownSync(dataDir, postfixUid, Number(idOf('-g', 'postfix')));
  const brandLocal = mailAccounts.brand.address.split('@')[0];
  writeFileSync(
    join(postfixDir, 'main.cf'),
    `compatibility_level = 3.6
queue_directory = ${queue}
data_directory = ${dataDir}
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mail.fanfare.test
mydestination =
mynetworks = 127.0.0.1/32
alias_maps =
alias_database =
local_recipient_maps =
recipient_delimiter = +
virtual_mailbox_domains = fanfare.test creators.test
virtual_transport = lmtp:inet:127.0.0.1:${lmtpPort}
${options.savesSent ? `sender_bcc_maps = inline:{ ${mailAccounts.brand.address}=${brandLocal}+Sent@fanfare.test }` : ''}
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:${authPort}
smtpd_relay_restrictions = permit_sasl_authenticated, reject
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
smtputf8_enable = no
maillog_file = /dev/stdout
biff = no
# A killed smtpd (the dropped-connection tests) must not pause the service for the default 60 s.
service_throttle_time = 1s
`,
  );
  const services = [
    `${smtpPort} inet n - n - - smtpd`,
    'pickup unix n - n 60 1 pickup',
    'cleanup unix n - n - 0 cleanup',
    'qmgr unix n - n 300 1 qmgr',
    'rewrite unix - - n - - trivial-rewrite',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'verify unix - - n - 1 verify',
    'flush unix n - n 1000? 0 flush',
    'proxymap unix - - n - - proxymap',
    'smtp unix - - n - - smtp',
    'relay unix - - n - - smtp',
    'showq unix n - n - - showq',
    'error unix - - n - - error',
    'retry unix - - n - - error',
    'discard unix - - n - - discard',
    'lmtp unix - - n - - lmtp',
    'anvil unix - - n - 1 anvil',
    'scache unix - - n - 1 scache',
    'postlog unix-dgram n - n - 1 postlogd',
  ];
  writeFileSync(join(postfixDir, 'master.cf'), `${services.join('\n')}\n`);
  // The queue's folders with the owners `postfix set-permissions` would give
  // them (that command refuses a configuration folder the system's main.cf
  // does not list).
  for (const name of ['active', 'bounce', 'corrupt', 'defer', 'deferred', 'flush', 'hold', 'incoming', 'private', 'saved', 'trace']) {
    mkdirSync(join(queue, name), { mode: 0o700 });
    chownSync(join(queue, name), postfixUid, postfixUid === 0 ? 0 : postdropGid);
  }
  for (const [name, mode] of [['maildrop', 0o730], ['public', 0o710]] as const) {
    mkdirSync(join(queue, name));
    chownSync(join(queue, name), postfixUid, postdropGid);
    chmodSync(join(queue, name), mode);
  }
  mkdirSync(join(queue, 'pid'), { mode: 0o755 });

  let dovecot: ChildProcess | undefined;
  let postfix: ChildProcess | undefined;

  const startImap = async () => {
    dovecot = spawn('dovecot', ['-F', '-c', join(root, 'dovecot.conf')], { stdio: 'ignore', detached: true });
    await waitForPort(imapPort, true, 'Dovecot');
    await waitForPort(authPort, true, 'Dovecot auth');
  };
  const stopChild = async (child: ChildProcess | undefined, port: number, what: string, signal: NodeJS.Signals) => {
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
    await exited;
    await waitForPort(port, false, what);
  };
  const startSmtp = async () => {
    // -d: stay in the foreground as our child (it is its own process group
    // through `detached`, so a kill reaches its smtpd processes too).
    const log = openSync(join(root, 'postfix.log'), 'a');
    postfix = spawn(join(postfixDaemons, 'master'), ['-c', postfixDir, '-d', '-s'], { stdio: ['ignore', log, log], detached: true });
    closeSync(log);
    await waitForPort(smtpPort, true, 'Postfix');
  };

  await startImap();
  await startSmtp();

  const server: MailServer = {
    host: '127.0.0.1',
    smtpPort,
    imapPort,
    stopSmtp: () => stopChild(postfix, smtpPort, 'Postfix', 'SIGTERM'),
    killSmtp: async () => {
      for (const pid of childrenNamed(postfix?.pid, 'smtpd')) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    },
    startSmtp,
    stopImap: () => stopChild(dovecot, imapPort, 'Dovecot', 'SIGTERM'),
    startImap,
    async messageIds(account, folder = 'INBOX') {
      const client = new ImapFlow({ host: '127.0.0.1', port: imapPort, secure: false, auth: { user: account.address, pass: account.password }, logger: false });
      await client.connect();
      try {
        const lock = await client.getMailboxLock(folder);
        try {
          const ids: string[] = [];
          const status = await client.status(folder, { messages: true });
          if (!status || !status.messages) return ids;
          for await (const message of client.fetch('1:*', { envelope: true })) if (message.envelope?.messageId) ids.push(message.envelope.messageId);
          return ids;
        } finally {
          lock.release();
        }
      } finally {
        await client.logout();
      }
    },
    async close() {
      await stopChild(postfix, smtpPort, 'Postfix', 'SIGTERM');
      await stopChild(dovecot, imapPort, 'Dovecot', 'SIGTERM');
      rmSync(root, { recursive: true, force: true });
    },
  };
  return server;
}

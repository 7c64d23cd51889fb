import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Who may use this web host: whoever holds the launch key (printed only in
 * the starting person's terminal and their 0600 link file) trades it for a
 * session cookie. Sessions live in memory, so a restart makes new links and
 * forgets old tabs.
 */
export class WebSessions {
  readonly launchKey: string;
  private readonly keyDigest: Buffer;
  // Digests rather than the ids themselves, so a lookup's timing says nothing about a real id.
  private readonly sessions = new Set<string>();
  private boundPort = 0;

  constructor(launchKey?: string) {
    this.launchKey = launchKey ?? randomBytes(32).toString('hex');
    this.keyDigest = digest(this.launchKey);
  }

  /** Set once the server listens; no request arrives before. */
  set port(port: number) {
    this.boundPort = port;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Cookies ignore ports: two hosts on one computer must not overwrite each other's session. */
  get cookieName(): string {
    return `fanfare-session-${this.boundPort}`;
  }

  isLaunchKey(given: string | null | undefined): boolean {
    return typeof given === 'string' && given.length > 0 && timingSafeEqual(digest(given), this.keyDigest);
  }

  /** A fresh session; the answer is the Set-Cookie header value. */
  open(): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.add(digest(id).toString('hex'));
    return `${this.cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  }

  has(req: IncomingMessage): boolean {
    const id = readCookie(req.headers.cookie, this.cookieName);
    return id !== null && id.length > 0 && this.sessions.has(digest(id).toString('hex'));
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

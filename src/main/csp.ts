import { httpBaseOf } from '../shared/sync/server-url';
import { teamServerOrigin } from './services/team-servers';

/**
 * One policy for the Electron window (app:// answers) and the web host
 * (every response). No 'unsafe-eval', no inline scripts. Inline styles are
 * allowed because Mantine writes style attributes and <style> tags at run
 * time. frame-ancestors is left to X-Frame-Options because browsers ignore it
 * (with a console error) in a meta tag.
 *
 * connect-src names the app itself and the team servers this computer syncs
 * with, nothing else: injected script cannot send data anywhere else. Each
 * server appears twice, as ws(s) for sync and as http(s) for the check a
 * connected page makes now and then that its invite still holds (a HEAD of a
 * file with the token, team-sync.ts). A page cannot widen its policy after
 * loading, so the renderer reloads after it connects to a server its policy
 * did not name.
 *
 * src/renderer/index.html carries the same policy in a meta tag, with
 * connect-src left open to any http(s)/ws(s) address: a meta policy applies
 * on top of the header (both must allow a connection), the team servers are
 * known only at run time, and without connect-src the meta's default-src
 * 'self' would block them. The header is what narrows connections.
 */
const DIRECTIVES_BEFORE_CONNECT = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
];
const DIRECTIVES_AFTER_CONNECT = [
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** What the meta tag in index.html says: the same policy, with connections left to the header. */
export const META_CONTENT_SECURITY_POLICY = [...DIRECTIVES_BEFORE_CONNECT, "connect-src 'self' http: https: ws: wss:", ...DIRECTIVES_AFTER_CONNECT].join('; ');

/**
 * The policy for a page of this computer's Fanfare, given the team servers
 * it syncs with (`TeamServers.origins()`). An address a policy cannot name
 * safely (anything but ws(s)://host[:port]) is left out, never passed through.
 */
export function contentSecurityPolicy(teamServerOrigins: readonly string[] = []): string {
  const sources = new Set<string>();
  for (const given of teamServerOrigins) {
    const origin = teamServerOrigin(given);
    if (!origin) continue;
    sources.add(origin);
    sources.add(httpBaseOf(origin));
  }
  const connect = ["connect-src 'self'", ...sources].join(' ');
  return [...DIRECTIVES_BEFORE_CONNECT, connect, ...DIRECTIVES_AFTER_CONNECT].join('; ');
}

/** The policy of a computer that syncs with no team server. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * One policy for the Electron window (response header) and the web host
 * (header), and src/renderer/index.html must carry the same text in its
 * <meta http-equiv="Content-Security-Policy">. No 'unsafe-eval', no inline
 * scripts. Inline styles are allowed because Mantine writes style attributes
 * and <style> tags at run time. connect-src stays open to http(s)/ws(s)
 * because the team sync server is wherever the team runs it; scripts are
 * what the policy locks down. frame-ancestors is left to X-Frame-Options
 * because browsers ignore it (with a console error) in a meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' http: https: ws: wss:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

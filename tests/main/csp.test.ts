import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, META_CONTENT_SECURITY_POLICY } from '../../src/main/csp';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('content security policy', () => {
  it('lets a page with no team server connect to the app itself only', () => {
    expect(directive(CONTENT_SECURITY_POLICY, 'connect-src')).toBe("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toBe(contentSecurityPolicy());
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
    expect(directive(CONTENT_SECURITY_POLICY, 'script-src')).toBe("script-src 'self'");
  });

  it('names each team server for sync (ws) and for the invite check (http), once', () => {
    const policy = contentSecurityPolicy(['ws://127.0.0.1:1234', 'wss://sync.acme.example', 'ws://127.0.0.1:1234', 'ws://[::1]:9000']);
    expect(directive(policy, 'connect-src')).toBe(
      "connect-src 'self' ws://127.0.0.1:1234 http://127.0.0.1:1234 wss://sync.acme.example https://sync.acme.example ws://[::1]:9000 http://[::1]:9000",
    );
    // Only connect-src changes.
    expect(policy.replace(directive(policy, 'connect-src')!, '')).toBe(CONTENT_SECURITY_POLICY.replace("connect-src 'self'", ''));
  });

  it('leaves out anything that could smuggle a directive or a wildcard into the policy', () => {
    const policy = contentSecurityPolicy(["ws://evil.example; script-src 'unsafe-inline'", 'ws://*', 'https://web.example', 'ws://a b', "ws://x'y", '']);
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is what src/renderer/index.html carries, except that connections are left to the header', () => {
    const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    const withoutConnect = (p: string) => p.split('; ').filter((d) => !d.startsWith('connect-src')).join('; ');
    expect(withoutConnect(META_CONTENT_SECURITY_POLICY)).toBe(withoutConnect(CONTENT_SECURITY_POLICY));
  });
});

import { describe, expect, it } from 'vitest';
import { encodeInvite, parseInvite } from '../../../src/shared/sync/invite';

describe('invites', () => {
  const invite = { server: 'ws://192.168.1.20:1234', workspaceId: 'ws-123', token: 'a'.repeat(43), name: 'Zoë’s Ψ brand' };

  it('round-trips, with non-Latin names and surrounding whitespace from chat apps', () => {
    const text = encodeInvite(invite);
    expect(text).toMatch(/^fanfare-invite:v1:[A-Za-z0-9_-]+$/);
    expect(parseInvite(`  ${text}\n`)).toEqual({ ok: true, invite });
  });

  it.each([
    ['', 'Paste the invite your teammate sent you.'],
    ['https://example.com', 'This is not a Fanfare invite. It should start with "fanfare-invite:".'],
    ['fanfare-invite:v1:%%%', 'This invite is damaged. Ask for a new one, and copy all of it.'],
  ])('refuses %j with a plain message', (text, message) => {
    expect(parseInvite(text)).toEqual({ ok: false, message });
  });

  it('refuses an invite cut short or pointing nowhere', () => {
    const full = encodeInvite(invite);
    expect(parseInvite(full.slice(0, full.length - 20)).ok).toBe(false);
    expect(parseInvite(encodeInvite({ ...invite, server: 'http://x' }))).toMatchObject({ ok: false, message: expect.stringMatching(/no valid server address/) });
    expect(parseInvite(encodeInvite({ ...invite, token: 'short' }))).toMatchObject({ ok: false, message: expect.stringMatching(/incomplete/) });
  });
});

import { describe, expect, it } from 'vitest';
import { parsePostUrl, samePost } from '../../../src/shared/domain/post-url';

const cases: [string, string, string, string, string?][] = [
  // [url, platform, postId, format, handle]
  ['https://www.instagram.com/p/C3xYz_AbC-1/?igsh=abc123', 'instagram', 'C3xYz_AbC-1', 'post'],
  ['instagram.com/reel/DAbcdEfGh12/', 'instagram', 'DAbcdEfGh12', 'reel'],
  ['https://www.instagram.com/reels/DAbcdEfGh12', 'instagram', 'DAbcdEfGh12', 'reel'],
  ['https://www.instagram.com/glowbyzoe/p/C3xYz_AbC-1/', 'instagram', 'C3xYz_AbC-1', 'post', 'glowbyzoe'],
  ['https://instagram.com/stories/glowbyzoe/3312345678901234567?utm_source=ig_story_item_share', 'instagram', '3312345678901234567', 'story', 'glowbyzoe'],
  ['https://instagr.am/p/C3xYz/', 'instagram', 'C3xYz', 'post'],
  ['https://www.tiktok.com/@run.with.ana/video/7301234567890123456?is_from_webapp=1&sender_device=pc', 'tiktok', '7301234567890123456', 'video', 'run.with.ana'],
  ['https://www.tiktok.com/@run.with.ana/photo/7301234567890123457', 'tiktok', '7301234567890123457', 'photo', 'run.with.ana'],
  ['https://m.tiktok.com/v/7301234567890123456.html', 'tiktok', '7301234567890123456', 'video'],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s', 'youtube', 'dQw4w9WgXcQ', 'video'],
  ['https://youtu.be/dQw4w9WgXcQ?si=xyz', 'youtube', 'dQw4w9WgXcQ', 'video'],
  ['https://youtube.com/shorts/aBcDeFgHiJk?feature=share', 'youtube', 'aBcDeFgHiJk', 'short'],
  ['https://m.youtube.com/shorts/aBcDeFgHiJk', 'youtube', 'aBcDeFgHiJk', 'short'],
  ['https://www.youtube.com/live/aBcDeFgHiJk', 'youtube', 'aBcDeFgHiJk', 'live'],
  ['https://x.com/glowbrand/status/1789012345678901234?s=20', 'x', '1789012345678901234', 'tweet', 'glowbrand'],
  ['https://twitter.com/glowbrand/status/1789012345678901234', 'x', '1789012345678901234', 'tweet', 'glowbrand'],
  ['https://mobile.twitter.com/i/web/status/1789012345678901234', 'x', '1789012345678901234', 'tweet'],
  ['https://www.pinterest.com/pin/123456789012345678/', 'pinterest', '123456789012345678', 'pin'],
  ['https://www.pinterest.co.uk/pin/summer-glow-look--123456789012345678/', 'pinterest', '123456789012345678', 'pin'],
  ['https://www.linkedin.com/posts/ana-kowalska_skincare-glow-activity-7123456789012345678-AbCd', 'linkedin', '7123456789012345678', 'post', 'ana-kowalska'],
  ['https://www.linkedin.com/feed/update/urn:li:activity:7123456789012345678/', 'linkedin', '7123456789012345678', 'post'],
  ['https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7123456789012345679', 'linkedin', '7123456789012345679', 'post'],
  ['https://www.twitch.tv/videos/2012345678', 'twitch', '2012345678', 'video'],
  ['https://clips.twitch.tv/FunnyClipSlug-abc123', 'twitch', 'FunnyClipSlug-abc123', 'clip'],
  ['https://www.twitch.tv/speedrunner/clip/FunnyClipSlug-abc123', 'twitch', 'FunnyClipSlug-abc123', 'clip', 'speedrunner'],
  ['https://www.twitch.tv/speedrunner', 'twitch', '', 'live', 'speedrunner'],
  ['https://www.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYa2Z2cHV1dGN4AY', 'snapchat', 'W7_EDlXWTBiXAEEniNoMPwAAYa2Z2cHV1dGN4AY', 'spotlight'],
  ['https://story.snapchat.com/p/4f6d2a3b-1111-2222-3333-444455556666', 'snapchat', '4f6d2a3b-1111-2222-3333-444455556666', 'story'],
];

describe('parsePostUrl', () => {
  it.each(cases)('%s', (url, platform, postId, format, handle) => {
    const parsed = parsePostUrl(url);
    if (!format) {
      expect(parsed.ok).toBe(false);
      return;
    }
    expect(parsed).toMatchObject({ ok: true, platform, postId, format });
    if (handle && parsed.ok) expect(parsed.handle).toBe(handle);
  });

  it('marks short links and keeps their code', () => {
    expect(parsePostUrl('https://vm.tiktok.com/ZMabc123/')).toMatchObject({ ok: true, platform: 'tiktok', postId: 'ZMabc123', shortLink: true });
    expect(parsePostUrl('https://www.tiktok.com/t/ZTabc123/')).toMatchObject({ ok: true, platform: 'tiktok', shortLink: true });
    expect(parsePostUrl('https://pin.it/1a2b3c4d')).toMatchObject({ ok: true, platform: 'pinterest', postId: '1a2b3c4d', shortLink: true });
    expect(parsePostUrl('https://snapchat.com/t/AbCdEf')).toMatchObject({ ok: true, platform: 'snapchat', shortLink: true });
  });

  it('drops tracking parameters but keeps what identifies the post', () => {
    const parsed = parsePostUrl('http://www.youtube.com/watch?v=dQw4w9WgXcQ&utm_source=newsletter&si=abc');
    expect(parsed.ok && parsed.url).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    const ig = parsePostUrl('https://www.instagram.com/p/C3xYz/?igsh=MWQ1ZGUxMzBkMA==&img_index=2');
    expect(ig.ok && ig.url).toBe('https://www.instagram.com/p/C3xYz/');
  });

  it('explains profile links, unknown sites and junk', () => {
    const profile = parsePostUrl('https://www.instagram.com/glowbyzoe/');
    expect(profile).toMatchObject({ ok: false });
    expect(!profile.ok && profile.reason).toMatch(/profile, not a post/);
    expect(parsePostUrl('https://www.tiktok.com/@run.with.ana')).toMatchObject({ ok: false });
    expect(parsePostUrl('https://www.youtube.com/@glow')).toMatchObject({ ok: false });
    expect(parsePostUrl('https://x.com/glowbrand')).toMatchObject({ ok: false });
    expect(parsePostUrl('https://youtu.be/short')).toMatchObject({ ok: false });
    const other = parsePostUrl('https://myblog.example/posts/glow');
    expect(!other.ok && other.reason).toMatch(/myblog\.example/);
    expect(parsePostUrl('')).toMatchObject({ ok: false });
    expect(parsePostUrl('not a link at all')).toMatchObject({ ok: false });
    expect(parsePostUrl('ftp://instagram.com/p/abc')).toMatchObject({ ok: false });
  });

  it('compares posts by platform and id, not by how the link was written', () => {
    const a = parsePostUrl('https://twitter.com/a/status/1789012345678901234');
    const b = parsePostUrl('x.com/b/status/1789012345678901234?s=20');
    expect(a.ok && b.ok && samePost(a, b)).toBe(true);
    expect(samePost({ platform: 'x', postId: '' }, { platform: 'x', postId: '' })).toBe(false);
  });
});

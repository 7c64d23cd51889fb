import type { Platform } from '../data/schemas/creators';

/**
 * Reads a live post's link the way people paste it (with or without
 * https://, www., m., tracking parameters, a trailing slash) and says which
 * platform it is on, the platform's own id for the post, and what kind of
 * post the link itself proves (a story, a Short, a reel…). Short links
 * (vm.tiktok.com, pin.it, youtu.be is not one) carry a code, not the post's
 * id: they are recognised and marked `shortLink`, so a teammate can open the
 * link and paste the full address if the post id matters.
 */
export type PostFormat = 'post' | 'reel' | 'story' | 'video' | 'short' | 'live' | 'photo' | 'pin' | 'clip' | 'spotlight' | 'tweet';

export interface ParsedPost {
  ok: true;
  platform: Platform;
  /** The platform's id for the post ("C3xYz…" on Instagram, the numeric id on TikTok and X); '' when the link has none. */
  postId: string;
  format: PostFormat;
  /** The account's handle when the link names it. */
  handle: string;
  /** A shortened link: `postId` is the short code, not the post's own id. */
  shortLink: boolean;
  /** The link as https://, without tracking parameters that only say who shared it. */
  url: string;
}

export interface PostUrlError {
  ok: false;
  reason: string;
}

export const postFormatLabels: Record<PostFormat, string> = {
  post: 'Feed post', reel: 'Reel', story: 'Story', video: 'Video', short: 'Short', live: 'Live', photo: 'Photo post',
  pin: 'Pin', clip: 'Clip', spotlight: 'Spotlight', tweet: 'Post',
};

const TRACKING = /^(utm_.*|igsh|igshid|img_index|is_from_webapp|sender_device|_r|_t|si|feature|s|t|ref_src|ref_url|mibextid|sh|share_.*|rcm|trk)$/i;

function cleanUrl(url: URL): string {
  const kept = new URL(url.toString());
  for (const key of [...kept.searchParams.keys()]) if (TRACKING.test(key)) kept.searchParams.delete(key);
  kept.hash = '';
  kept.protocol = 'https:';
  return kept.toString();
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^(www\.|m\.|mobile\.|web\.)/, '');
}

const ok = (platform: Platform, postId: string, format: PostFormat, url: URL, handle = '', shortLink = false): ParsedPost =>
  ({ ok: true, platform, postId, format, handle: handle.replace(/^@/, ''), shortLink, url: cleanUrl(url) });

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function instagram(url: URL, parts: string[]): ParsedPost | PostUrlError {
  // instagram.com/p/CODE, /reel/CODE, /reels/CODE, /tv/CODE, and since 2024 /<handle>/p/CODE or /<handle>/reel/CODE.
  const kinds: Record<string, PostFormat> = { p: 'post', reel: 'reel', reels: 'reel', tv: 'video' };
  if (parts[0] === 'stories') {
    if (parts[1] === 'highlights' && parts[2]) return ok('instagram', parts[2], 'story', url);
    if (parts[1] && parts[2] && /^\d+$/.test(parts[2])) return ok('instagram', parts[2], 'story', url, parts[1]);
    return { ok: false, reason: 'This Instagram story link has no story in it (it should look like instagram.com/stories/handle/1234567890).' };
  }
  for (const offset of [0, 1]) {
    const kind = kinds[parts[offset]];
    const code = parts[offset + 1];
    if (kind && code && /^[A-Za-z0-9_-]+$/.test(code)) return ok('instagram', code, kind, url, offset === 1 ? parts[0] : '');
  }
  return { ok: false, reason: 'This Instagram link is a profile, not a post: open the post and copy its link (instagram.com/p/… or /reel/…).' };
}

function tiktok(url: URL, parts: string[], host: string): ParsedPost | PostUrlError {
  if (host === 'vm.tiktok.com' || host === 'vt.tiktok.com') {
    if (parts[0]) return ok('tiktok', parts[0], 'video', url, '', true);
  }
  if (parts[0] === 't' && parts[1]) return ok('tiktok', parts[1], 'video', url, '', true);
  // The old mobile form: m.tiktok.com/v/<id>.html
  const old = parts[0] === 'v' ? parts[1]?.match(/^(\d{6,})(?:\.html)?$/) : null;
  if (old) return ok('tiktok', old[1], 'video', url);
  const handle = parts[0]?.startsWith('@') ? parts[0] : '';
  const kindIndex = parts.findIndex((p) => p === 'video' || p === 'photo');
  if (kindIndex >= 0 && /^\d{6,}$/.test(parts[kindIndex + 1] ?? '')) {
    return ok('tiktok', parts[kindIndex + 1], parts[kindIndex] === 'photo' ? 'photo' : 'video', url, handle);
  }
  if (handle && parts[1] === 'live') return ok('tiktok', '', 'live', url, handle);
  return { ok: false, reason: 'This TikTok link is a profile, not a video: open the video and copy its link (tiktok.com/@handle/video/…).' };
}

function youtube(url: URL, parts: string[], host: string): ParsedPost | PostUrlError {
  if (host === 'youtu.be') {
    if (YOUTUBE_ID.test(parts[0] ?? '')) return ok('youtube', parts[0], 'video', url);
    return { ok: false, reason: 'This youtu.be link has no video id.' };
  }
  const v = url.searchParams.get('v');
  if (parts[0] === 'watch' && v && YOUTUBE_ID.test(v)) return ok('youtube', v, 'video', url);
  const kinds: Record<string, PostFormat> = { shorts: 'short', live: 'live', embed: 'video', v: 'video' };
  if (kinds[parts[0]] && YOUTUBE_ID.test(parts[1] ?? '')) return ok('youtube', parts[1], kinds[parts[0]], url);
  return { ok: false, reason: 'This YouTube link is a channel or a list, not a video: open the video or Short and copy its link.' };
}

function x(url: URL, parts: string[]): ParsedPost | PostUrlError {
  const at = parts.indexOf('status');
  if (at >= 0 && /^\d+$/.test(parts[at + 1] ?? '')) {
    const handle = at === 1 && parts[0] !== 'i' ? parts[0] : '';
    return ok('x', parts[at + 1], 'tweet', url, handle);
  }
  return { ok: false, reason: 'This X link is a profile, not a post: open the post and copy its link (x.com/handle/status/…).' };
}

function pinterest(url: URL, parts: string[], host: string): ParsedPost | PostUrlError {
  if (host === 'pin.it' && parts[0]) return ok('pinterest', parts[0], 'pin', url, '', true);
  if (parts[0] === 'pin' && parts[1]) {
    // Pins are numeric ids, sometimes with a slug before them: /pin/summer-look--123456789/.
    const id = parts[1].match(/(\d{6,})$/)?.[1] ?? parts[1];
    return ok('pinterest', id, 'pin', url);
  }
  return { ok: false, reason: 'This Pinterest link is a board or a profile, not a Pin: open the Pin and copy its link (pinterest.com/pin/…).' };
}

function linkedin(url: URL, parts: string[]): ParsedPost | PostUrlError {
  const path = decodeURIComponent(url.pathname);
  const urn = path.match(/urn:li:(activity|share|ugcPost):(\d+)/);
  if (urn) return ok('linkedin', urn[2], 'post', url);
  if (parts[0] === 'posts' && parts[1]) {
    const activity = parts[1].match(/activity-(\d+)/);
    const handle = parts[1].split('_')[0] ?? '';
    if (activity) return ok('linkedin', activity[1], 'post', url, handle);
  }
  if (parts[0] === 'pulse' && parts[1]) return ok('linkedin', parts[1], 'post', url);
  return { ok: false, reason: 'This LinkedIn link is a profile or a page, not a post: use the post’s “Copy link to post”.' };
}

function twitch(url: URL, parts: string[], host: string): ParsedPost | PostUrlError {
  if (host === 'clips.twitch.tv' && parts[0]) return ok('twitch', parts[0], 'clip', url);
  if (parts[0] === 'videos' && /^\d+$/.test(parts[1] ?? '')) return ok('twitch', parts[1], 'video', url);
  if (parts[1] === 'clip' && parts[2]) return ok('twitch', parts[2], 'clip', url, parts[0]);
  if (parts[1] === 'video' && /^\d+$/.test(parts[2] ?? '')) return ok('twitch', parts[2], 'video', url, parts[0]);
  // A channel link is how a live stream is shared; the stream has no id of its own until it is a VOD.
  if (parts.length === 1 && /^[A-Za-z0-9_]{3,25}$/.test(parts[0])) return ok('twitch', '', 'live', url, parts[0]);
  return { ok: false, reason: 'This Twitch link is not a stream, a video or a clip.' };
}

function snapchat(url: URL, parts: string[], host: string): ParsedPost | PostUrlError {
  if (host === 'story.snapchat.com') {
    if (parts[0] === 'p' && parts[1]) return ok('snapchat', parts[1], 'story', url);
    if (parts[0] === 's' && parts[1]) return ok('snapchat', parts[1], 'story', url);
  }
  if (parts[0] === 't' && parts[1]) return ok('snapchat', parts[1], 'story', url, '', true);
  const spot = parts.indexOf('spotlight');
  if (spot >= 0 && parts[spot + 1]) return ok('snapchat', parts[spot + 1], 'spotlight', url, spot === 1 ? parts[0] : '');
  if (parts[0]?.startsWith('@') || parts[0] === 'add') {
    const handle = parts[0] === 'add' ? parts[1] ?? '' : parts[0];
    if (parts.includes('story') || parts.includes('highlight')) return ok('snapchat', parts[parts.length - 1], 'story', url, handle);
  }
  return { ok: false, reason: 'This Snapchat link is a profile, not a Spotlight or a story.' };
}

type Reader = (url: URL, parts: string[], host: string) => ParsedPost | PostUrlError;

const readers: [RegExp, Reader][] = [
  [/^(instagram\.com|instagr\.am)$/, instagram],
  [/^(tiktok\.com|vm\.tiktok\.com|vt\.tiktok\.com)$/, tiktok],
  [/^(youtube\.com|youtu\.be|music\.youtube\.com|youtube-nocookie\.com)$/, youtube],
  [/^(x\.com|twitter\.com)$/, x],
  [/^(pinterest\.[a-z.]+|pin\.it)$/, pinterest],
  [/^(linkedin\.com|lnkd\.in)$/, linkedin],
  [/^(twitch\.tv|clips\.twitch\.tv)$/, twitch],
  [/^(snapchat\.com|story\.snapchat\.com)$/, snapchat],
];

export function parsePostUrl(input: string): ParsedPost | PostUrlError {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'Paste the link to the live post.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: `“${text}” is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'Use the post’s web link (https://…).' };
  const host = hostOf(url);
  const parts = url.pathname.split('/').filter(Boolean);
  for (const [pattern, read] of readers) {
    if (!pattern.test(host)) continue;
    if (host === 'lnkd.in') return ok('linkedin', parts[0] ?? '', 'post', url, '', true);
    return read(url, parts, host);
  }
  return { ok: false, reason: `Fanfare does not know posts on ${host} yet. Choose the platform by hand; the link is kept as it is.` };
}

/** Two links to the same post, however they were written. */
export function samePost(a: { platform: string | null; postId: string }, b: { platform: string | null; postId: string }): boolean {
  return !!a.postId && a.platform === b.platform && a.postId === b.postId;
}

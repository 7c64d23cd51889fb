import type { Platform } from '../data/schemas/creators';
import type { PostFormat } from '../domain/post-url';

/**
 * What a creator on each platform actually publishes, most common first: an
 * Instagram reel, story or carousel post, a TikTok video, a YouTube Short or
 * video, a Pinterest pin, an X post. The sample never shows an "X reel".
 */
const formatsByPlatform: Record<Platform, readonly PostFormat[]> = {
  instagram: ['reel', 'post', 'story'],
  tiktok: ['video'],
  youtube: ['short', 'video'],
  pinterest: ['pin'],
  twitch: ['clip', 'live'],
  x: ['tweet'],
  linkedin: ['post'],
  snapchat: ['spotlight'],
  blog: ['post'],
  other: ['post'],
};

/** A format that fits the platform; `n` picks among its usual ones, so the same creator gets the same answer. */
export function demoFormat(platform: Platform, n = 0): PostFormat {
  const formats = formatsByPlatform[platform];
  return formats[Math.abs(Math.floor(n)) % formats.length];
}

/** The platform's own shape of a post link, so a sample link reads (and parses) as the post it is. */
export function demoPostUrl(platform: Platform, format: PostFormat, handle: string, id: number): string {
  const h = handle.replace(/^@/, '');
  const code = id.toString(36).toUpperCase().padStart(6, '0').slice(-11);
  switch (platform) {
    case 'instagram': return format === 'story' ? `https://www.instagram.com/stories/${h}/${id}` : `https://www.instagram.com/${format === 'reel' ? 'reel' : 'p'}/${code}/`;
    case 'tiktok': return `https://www.tiktok.com/@${h}/video/7300${String(id).padStart(15, '0')}`;
    case 'youtube': return format === 'short' ? `https://www.youtube.com/shorts/${code.padEnd(11, 'x')}` : `https://www.youtube.com/watch?v=${code.padEnd(11, 'x')}`;
    case 'pinterest': return `https://www.pinterest.com/pin/${id}/`;
    case 'twitch': return format === 'clip' ? `https://clips.twitch.tv/${h}Clip${code}` : `https://www.twitch.tv/videos/${id}`;
    case 'x': return `https://x.com/${h}/status/1800${String(id).padStart(15, '0')}`;
    default: return `https://${h || 'creator'}.blog/posts/${id}`;
  }
}

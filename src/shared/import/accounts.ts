import { platformLabels, type Platform } from '../data/schemas/creators';
import { normalizeHandle } from '../domain/handles';
import { nameKey } from '../domain/fold-text';

const HOSTS: [RegExp, Platform][] = [
  [/(^|\.)instagram\.com$|(^|\.)instagr\.am$/, 'instagram'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)youtube\.com$|(^|\.)youtu\.be$/, 'youtube'],
  [/(^|\.)twitch\.tv$/, 'twitch'],
  [/(^|\.)pinterest\.[a-z.]+$|(^|\.)pin\.it$/, 'pinterest'],
  [/(^|\.)x\.com$|(^|\.)twitter\.com$/, 'x'],
  [/(^|\.)linkedin\.com$/, 'linkedin'],
  [/(^|\.)snapchat\.com$/, 'snapchat'],
];

const HANDLE = /^[\p{L}\p{N}._-]+$/u;

const NAMES: Record<string, Platform> = {
  instagram: 'instagram', ig: 'instagram', insta: 'instagram', tiktok: 'tiktok', 'tik tok': 'tiktok', tt: 'tiktok',
  youtube: 'youtube', yt: 'youtube', twitch: 'twitch', pinterest: 'pinterest', x: 'x', twitter: 'x', 'x twitter': 'x',
  linkedin: 'linkedin', snapchat: 'snapchat', snap: 'snapchat', blog: 'blog', website: 'blog', podcast: 'blog', 'blog podcast': 'blog',
  other: 'other',
};

/** "Instagram", "IG", "Twitter" → the platform; null when it is none Fanfare knows. */
export function parsePlatform(raw: string): Platform | null {
  return NAMES[nameKey(raw)] ?? null;
}

/** A value is a link when it says so (scheme, www., a path); "zoe.runs" is a handle, not a site. */
export function looksLikeUrl(value: string): boolean {
  return /^https?:\/\//i.test(value) || /^www\./i.test(value) || /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*/i.test(value);
}

function hostOf(url: string): string | null {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.toLowerCase().replace(/^(www|m|mobile)\./, '');
  } catch {
    return null;
  }
}

/** The platform a profile link is on; "blog" for any other site. */
export function platformFromUrl(url: string): Platform | null {
  const host = hostOf(url);
  if (!host) return null;
  for (const [pattern, platform] of HOSTS) if (pattern.test(host)) return platform;
  return 'blog';
}

export type AccountValue =
  | { ok: true; handle: string; url: string; platform: Platform | null }
  | { ok: false; reason: string };

/**
 * One cell that names an account: "@zoe.runs", "zoe.runs" or a profile link.
 * The handle is what dedupe compares (normalizeHandle: case, "@" and link
 * forms ignored); a site's handle is its address without "www.".
 */
export function readAccountValue(raw: string, expected: Platform | null): AccountValue {
  const value = raw.trim().replace(/^<|>$/g, '');
  if (!value) return { ok: false, reason: 'No handle or profile link.' };
  if (looksLikeUrl(value)) {
    const url = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    const platform = platformFromUrl(url);
    if (!platform) return { ok: false, reason: `“${value}” is not a working web address.` };
    if (expected && platform !== expected && !(expected === 'other' || (expected === 'blog' && platform === 'blog'))) {
      return { ok: false, reason: `“${value}” is a ${platformLabels[platform]} link, but this column is for ${platformLabels[expected]}.` };
    }
    const handle = platform === 'blog' ? hostOf(url)! : normalizeHandle(url);
    if (!handle || (platform !== 'blog' && !HANDLE.test(handle))) return { ok: false, reason: `“${value}” links to ${platformLabels[platform]} but not to a profile.` };
    return { ok: true, handle: handle.toLowerCase(), url, platform };
  }
  if ((expected ?? 'instagram') !== 'blog' && /\s/.test(value)) {
    return { ok: false, reason: `“${value}” has spaces, so it is not a handle (is it a name?).` };
  }
  const handle = normalizeHandle(value);
  if (!handle || ((expected ?? 'instagram') !== 'blog' && !HANDLE.test(handle))) {
    return { ok: false, reason: `“${value}” is not a handle: handles have only letters, digits, dots, dashes and underscores.` };
  }
  return { ok: true, handle, url: '', platform: null };
}

/**
 * Does a creator's usage right let the brand put this content in a paid
 * channel today? Small and self-contained on purpose: it takes plain
 * records (the `rights` collection's fields) and a date, and says yes, or
 * says why not in words a marketer can act on.
 */
import { channelLabel, isPaidChannel } from '../domain/usage-rights';

export interface RightLike {
  channels: readonly string[];
  paidUse: boolean;
  /** YYYY-MM-DD, or null for "from the start". */
  startsOn: string | null;
  /** YYYY-MM-DD (the last day included), or null for "no end". */
  endsOn: string | null;
  deletedAt?: string | null;
}

export type CoverageProblem = 'no-rights' | 'organic-only' | 'expired' | 'not-started' | 'other-channels';

export type Coverage =
  | { covered: true; problem: null; message: string }
  | { covered: false; problem: CoverageProblem; message: string };

/** Words that say where, not which platform: "TikTok ads" and "TikTok" are the same platform. */
const GENERIC = new Set(['ads', 'ad', 'paid', 'feed', 'organic', 'square', 'landscape', 'reels', 'stories', 'story', 'shorts', 'spark', 'whitelisting']);
const ALIASES: Record<string, string> = { ig: 'instagram', insta: 'instagram', fb: 'facebook', meta: 'meta', yt: 'youtube', tt: 'tiktok' };
const META = new Set(['instagram', 'facebook', 'meta']);

function platformWords(text: string): Set<string> {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w && !GENERIC.has(w)).map((w) => ALIASES[w] ?? w);
  return new Set(words);
}

/** An empty channel list means "all channels"; Meta covers Instagram and Facebook both ways. */
export function channelCovered(rightChannels: readonly string[], channel: string): boolean {
  if (rightChannels.length === 0) return true;
  const wanted = platformWords(channel);
  if (wanted.size === 0) return true;
  return rightChannels.some((c) => {
    const have = platformWords(c);
    if (have.has('all') || have.has('any') || have.has('everywhere')) return true;
    for (const w of wanted) {
      if (have.has(w)) return true;
      if (META.has(w) && [...have].some((h) => META.has(h))) return true;
    }
    return false;
  });
}

function inWindow(right: RightLike, today: string): 'before' | 'inside' | 'after' {
  if (right.startsOn && today < right.startsOn) return 'before';
  if (right.endsOn && today > right.endsOn) return 'after';
  return 'inside';
}

const formatDay = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
};

export function paidUseCoverage(rights: readonly RightLike[], channel: string, today: string): Coverage {
  const live = rights.filter((r) => !r.deletedAt);
  if (live.length === 0) {
    return { covered: false, problem: 'no-rights', message: 'No usage rights are recorded for this content, so running it as an ad may break your agreement with the creator.' };
  }
  const paid = live.filter((r) => r.paidUse);
  if (paid.length === 0) {
    return { covered: false, problem: 'organic-only', message: 'The creator granted organic use only; running this content as an ad needs paid-use rights.' };
  }
  const onChannel = paid.filter((r) => channelCovered(r.channels, channel));
  if (onChannel.length === 0) {
    // Said in words ("Paid social: TikTok"), never as stored ids ("paid-social-tiktok").
    // A paid right's organic channels are not where it allows ads, so only its paid ones are named.
    const channels = [...new Set(paid.flatMap((r) => r.channels))];
    const paidOnes = channels.filter(isPaidChannel);
    const where = new Intl.ListFormat('en-GB', { type: 'conjunction' }).format((paidOnes.length ? paidOnes : channels).map(channelLabel));
    return { covered: false, problem: 'other-channels', message: `Paid use is granted for ${where} only, not for ${channel}.` };
  }
  const current = onChannel.find((r) => inWindow(r, today) === 'inside');
  if (current) {
    return { covered: true, problem: null, message: current.endsOn ? `Paid use is covered until ${formatDay(current.endsOn)}.` : 'Paid use is covered, with no end date.' };
  }
  const upcoming = onChannel.filter((r) => inWindow(r, today) === 'before').map((r) => r.startsOn as string).sort()[0];
  if (upcoming) {
    return { covered: false, problem: 'not-started', message: `Paid use starts on ${formatDay(upcoming)}; it is not covered yet.` };
  }
  const lastEnd = onChannel.map((r) => r.endsOn as string).sort().at(-1) as string;
  return { covered: false, problem: 'expired', message: `Paid use expired on ${formatDay(lastEnd)}. Extend the usage rights before running this as an ad.` };
}

import { z } from 'zod';

/**
 * Where a cut is going, as data. Every built-in preset names the page it
 * follows and what that page says, so whoever updates a number knows where
 * to check it. Platforms change these pages; the figures were read in
 * November 2026.
 */
export const channelPresetFields = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,60}$/, 'Use lowercase letters, digits and dashes'),
  name: z.string().trim().min(1, 'Give the preset a name').max(80),
  /** The channel as a marketer says it; also the `{channel}` part of export names. */
  channel: z.string().trim().min(1, 'Name the channel').max(60),
  width: z.number().int('Use whole pixels').min(64, 'At least 64 pixels').max(4096, 'At most 4096 pixels')
    .refine((n) => n % 2 === 0, 'Use an even number of pixels (H.264 needs it)'),
  height: z.number().int('Use whole pixels').min(64, 'At least 64 pixels').max(4096, 'At most 4096 pixels')
    .refine((n) => n % 2 === 0, 'Use an even number of pixels (H.264 needs it)'),
  /** Longest video the channel takes, in seconds. */
  maxDurationSeconds: z.number().positive('Must be more than 0 seconds').max(12 * 3600),
  /** Ceiling for the video stream (H.264 VBV maxrate), in kbit/s. */
  maxVideoKbps: z.number().int().min(200, 'At least 200 kbit/s').max(100_000),
  audioKbps: z.number().int().min(32).max(512).default(128),
  /** Largest file the channel accepts, in bytes. */
  maxFileBytes: z.number().int().positive(),
  /** Ads placements: using a creator's content here needs paid-use rights. */
  paid: z.boolean().default(false),
  source: z.object({
    url: z.string().url('Paste the address of the platform’s spec page'),
    says: z.string().max(500).default(''),
  }).nullable().default(null),
});

export type ChannelPreset = z.output<typeof channelPresetFields>;

/** What every preset encodes to: what YouTube, Meta and TikTok all accept (YouTube's upload page spells it out). */
export const COMMON_ENCODING = {
  videoCodec: 'h264',
  profile: 'High',
  pixelFormat: 'yuv420p',
  audioCodec: 'aac',
  audioSampleRate: 48_000,
  faststart: true,
  source: {
    url: 'https://support.google.com/youtube/answer/1722171',
    says: 'Container MP4 with the moov atom at the front (Fast Start); H.264 High Profile, 4:2:0 chroma, progressive; audio AAC-LC at 48 kHz or 96 kHz, stereo; 1080p at 8 Mbps for 24–30 fps.',
  },
} as const;

const MB = 1024 * 1024;
const GB = 1024 * MB;

const META_REELS = {
  url: 'https://www.facebook.com/business/ads-guide/video/instagram-reels',
  says: 'Instagram Reels: 9:16, 1080×1920 recommended, MP4 or MOV with H.264 and AAC, up to 4 GB; Reels ads run up to 90 seconds.',
};

export const builtInPresets: readonly ChannelPreset[] = [
  {
    id: 'instagram-reels', name: 'Instagram Reels', channel: 'Instagram Reels', width: 1080, height: 1920,
    maxDurationSeconds: 90, maxVideoKbps: 8_000, audioKbps: 128, maxFileBytes: 4 * GB, paid: false, source: META_REELS,
  },
  {
    id: 'instagram-stories', name: 'Instagram Stories', channel: 'Instagram Stories', width: 1080, height: 1920,
    maxDurationSeconds: 60, maxVideoKbps: 8_000, audioKbps: 128, maxFileBytes: 4 * GB, paid: false,
    source: {
      url: 'https://www.facebook.com/business/ads-guide/video/instagram-story',
      says: 'Instagram Stories: 9:16, 1080×1920 recommended, H.264 and AAC, up to 4 GB, up to 60 seconds per story.',
    },
  },
  {
    id: 'tiktok', name: 'TikTok', channel: 'TikTok', width: 1080, height: 1920,
    maxDurationSeconds: 600, maxVideoKbps: 8_000, audioKbps: 128, maxFileBytes: 500 * MB, paid: false,
    source: {
      url: 'https://ads.tiktok.com/help/article/video-ads-specifications',
      says: 'TikTok in-feed video: 9:16 recommended at 1080×1920 (at least 540×960), MP4/MOV, bitrate at least 516 kbps, up to 500 MB; 5–60 s recommended, up to 10 minutes.',
    },
  },
  {
    id: 'youtube-shorts', name: 'YouTube Shorts', channel: 'YouTube Shorts', width: 1080, height: 1920,
    maxDurationSeconds: 180, maxVideoKbps: 8_000, audioKbps: 128, maxFileBytes: 256 * GB, paid: false,
    source: {
      url: 'https://support.google.com/youtube/answer/15424877',
      says: 'A Short is a square or vertical video of up to 3 minutes; encode as YouTube’s upload settings say (H.264 High, AAC 48 kHz, Fast Start, 8 Mbps at 1080p).',
    },
  },
  {
    id: 'feed-4x5', name: 'Feed 4:5', channel: 'Instagram Feed', width: 1080, height: 1350,
    maxDurationSeconds: 3600, maxVideoKbps: 8_000, audioKbps: 128, maxFileBytes: 4 * GB, paid: false,
    source: {
      url: 'https://www.facebook.com/business/ads-guide/video/instagram-feed',
      says: 'Instagram Feed video: 4:5 recommended at 1080×1350 (1:1 also supported), H.264 and AAC, up to 4 GB, up to 60 minutes.',
    },
  },
  {
    id: 'square-1x1', name: 'Square 1:1', channel: 'Feed square', width: 1080, height: 1080,
    maxDurationSeconds: 3600, maxVideoKbps: 8_000, audioKbps: 128, maxFileBytes: 4 * GB, paid: false,
    source: {
      url: 'https://www.facebook.com/business/ads-guide/video/instagram-feed',
      says: 'Instagram and Facebook Feed accept 1:1 at 1080×1080, H.264 and AAC, up to 4 GB, up to 60 minutes.',
    },
  },
  {
    id: 'landscape-16x9', name: 'Landscape 16:9', channel: 'YouTube', width: 1920, height: 1080,
    maxDurationSeconds: 12 * 3600, maxVideoKbps: 12_000, audioKbps: 192, maxFileBytes: 256 * GB, paid: false,
    source: {
      url: 'https://support.google.com/youtube/answer/1722171',
      says: 'YouTube: 16:9 is the standard player ratio, 1920×1080 for 1080p at 8 Mbps (12 Mbps at 48–60 fps); uploads up to 256 GB or 12 hours.',
    },
  },
  {
    id: 'meta-reels-ad', name: 'Reels ad (paid)', channel: 'Meta Reels ads', width: 1080, height: 1920,
    maxDurationSeconds: 90, maxVideoKbps: 8_000, audioKbps: 128, maxFileBytes: 4 * GB, paid: true, source: META_REELS,
  },
  {
    id: 'tiktok-spark-ad', name: 'TikTok ad (paid)', channel: 'TikTok ads', width: 1080, height: 1920,
    maxDurationSeconds: 60, maxVideoKbps: 8_000, audioKbps: 128, maxFileBytes: 500 * MB, paid: true,
    source: {
      url: 'https://ads.tiktok.com/help/article/video-ads-specifications',
      says: 'TikTok in-feed ads: 9:16 at 1080×1920, up to 500 MB; 5–60 s recommended.',
    },
  },
];

/** "9x16" for file names; "9:16" for people. */
export function ratioOf(width: number, height: number, separator = ':'): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(width, height);
  return `${width / d}${separator}${height / d}`;
}

/** Built-ins first, then the team's own (settings records of kind `channel-preset`), which may not reuse a built-in id. */
export function mergePresets(custom: readonly unknown[]): ChannelPreset[] {
  const taken = new Set(builtInPresets.map((p) => p.id));
  const mine: ChannelPreset[] = [];
  for (const raw of custom) {
    const parsed = channelPresetFields.safeParse(raw);
    if (parsed.success && !taken.has(parsed.data.id)) {
      taken.add(parsed.data.id);
      mine.push(parsed.data);
    }
  }
  return [...builtInPresets, ...mine];
}

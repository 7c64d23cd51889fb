import { z } from 'zod';

/**
 * Where a cut is going, as data. Every built-in preset names the page it
 * follows and what that page says, so whoever updates a number knows where
 * to check it. Platforms change these pages; the figures were read on
 * 2026-12-06.
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
  /** Shortest video the channel takes, in seconds; 0 when it publishes none. */
  minDurationSeconds: z.number().min(0, 'Cannot be negative').max(12 * 3600).default(0),
  /** Ceiling for the video stream's average over the whole cut, in kbit/s (at up to 30 frames a second). */
  maxVideoKbps: z.number().int().min(200, 'At least 200 kbit/s').max(100_000),
  /** The ceiling above 30 frames a second, where the platform publishes a higher one (YouTube: 12 Mbps at 48–60). */
  highFrameRateMaxVideoKbps: z.number().int().min(200, 'At least 200 kbit/s').max(100_000).nullable().default(null),
  /** Floor for the video stream's average, in kbit/s: a still or low-detail cut is padded up to it. 0 when none is published. */
  minVideoKbps: z.number().int().min(0, 'Cannot be negative').max(100_000).default(0),
  /** Frame rates the channel takes; the source's rate is kept when it is inside them. */
  minFrameRate: z.number().min(1).max(120).default(1),
  maxFrameRate: z.number().min(1).max(120).default(60),
  /** Longest distance between key frames, in seconds (YouTube: half a second); null when not published. */
  gopSeconds: z.number().positive().max(60).nullable().default(null),
  /** A closed GOP: no picture refers across a key frame, so every key frame is a clean cut point. */
  closedGop: z.boolean().default(false),
  /** Most B-frames in a row; null when not published (then the encoder chooses). */
  maxBFrames: z.number().int().min(0).max(16).nullable().default(null),
  audioKbps: z.number().int().min(32).max(512).default(128),
  /** Largest file the channel accepts, in bytes. */
  maxFileBytes: z.number().int().positive(),
  /** Ads placements: using a creator's content here needs paid-use rights. */
  paid: z.boolean().default(false),
  source: z.object({
    url: z.string().url('Paste the address of the platform’s spec page'),
    says: z.string().max(500).default(''),
  }).nullable().default(null),
}).refine((p) => p.minVideoKbps < p.maxVideoKbps, { message: 'The bitrate floor must be below the ceiling', path: ['minVideoKbps'] })
  .refine((p) => p.minDurationSeconds < p.maxDurationSeconds, { message: 'The shortest length must be below the longest', path: ['minDurationSeconds'] })
  .refine((p) => p.minFrameRate <= p.maxFrameRate, { message: 'The lowest frame rate must not be above the highest', path: ['minFrameRate'] });

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

/*
 * Every bound below is the platform's published figure, with the page it
 * comes from beside it (/work/shared/PLATFORM-SPECS.md collects them, read
 * 2026-12-06). Where a platform publishes no bitrate ceiling, 8 Mbps is
 * ours, said so beside it: YouTube's 1080p figure, which every platform
 * takes.
 */
const YOUTUBE = 'https://support.google.com/youtube/answer/1722171';
const YOUTUBE_SHORTS = 'https://docs.getlate.dev/resources/media-guidelines/youtube';
const REELS_API = 'https://help.circleboom.com/'; // quoting Meta's content publishing limits
const REELS_ADS = 'https://adlibrary.com/posts/instagram-video-ad-specifications';
const IG_SIZES = 'https://sproutsocial.com/insights/instagram-ad-sizes';
const META_VIDEO = 'https://hub.rayoscms.com/'; // Facebook video best practice
const TIKTOK_ADS = 'https://ads.tiktok.com/help/article/video-ads-specifications';
const OURS = 8_000;

/** Every page the built-in bounds come from, to re-check when a platform changes its figures. */
export const PRESET_SOURCES = [YOUTUBE, YOUTUBE_SHORTS, REELS_API, REELS_ADS, IG_SIZES, META_VIDEO, TIKTOK_ADS] as const;

/** YouTube's recommended upload encoding, shared by the upload and Shorts presets. */
const YOUTUBE_ENCODING = {
  maxVideoKbps: 8_000, // YOUTUBE: "1080p: 8 Mbps" at 24–30 fps (recommended)
  highFrameRateMaxVideoKbps: 12_000, // YOUTUBE: "1080p: 12 Mbps" at 48–60 fps (recommended)
  minVideoKbps: 0, // YOUTUBE: no minimum published
  minFrameRate: 24, // YOUTUBE: "as recorded (24, 25, 30, 48, 50, 60)"
  maxFrameRate: 60, // YOUTUBE: as above
  gopSeconds: 0.5, // YOUTUBE: "Closed GOP. GOP of half the frame rate."
  closedGop: true, // YOUTUBE: as above
  maxBFrames: 2, // YOUTUBE: "2 consecutive B frames"
  audioKbps: 384, // YOUTUBE: "Stereo: 384 kbps" (AAC-LC, 48 kHz)
  maxFileBytes: 256 * GB, // YOUTUBE: uploads up to 256 GB
} as const;

export const builtInPresets: readonly ChannelPreset[] = [
  {
    id: 'instagram-reels', name: 'Instagram Reels', channel: 'Instagram Reels', width: 1080, height: 1920,
    minDurationSeconds: 3, // REELS_API: "3 seconds to 15 minutes"
    maxDurationSeconds: 15 * 60, // REELS_API: as above
    maxVideoKbps: 25_000, // REELS_API: "VBR, at most 25 Mbps"
    highFrameRateMaxVideoKbps: null, // REELS_API: the same at any frame rate
    minVideoKbps: 0, // REELS_API: no minimum published
    minFrameRate: 23, // REELS_API: "23–60 fps"
    maxFrameRate: 60, // REELS_API: as above
    gopSeconds: null, // REELS_API: closed GOP, no length published
    closedGop: true, // REELS_API: "closed GOP"
    maxBFrames: null, // REELS_API: not published
    audioKbps: 128, // REELS_API: "AAC, at most 48 kHz, mono or stereo, 128 kbps"
    maxFileBytes: 1 * GB, // REELS_API: "1 GB"
    paid: false,
    source: { url: REELS_API, says: 'Reels through Meta’s publishing API: H.264, progressive, closed GOP, 4:2:0; 23–60 fps; AAC at most 48 kHz, 128 kbps; VBR at most 25 Mbps; 3 s to 15 min; at most 1 GB.' },
  },
  {
    id: 'instagram-stories', name: 'Instagram Stories', channel: 'Instagram Stories', width: 1080, height: 1920,
    minDurationSeconds: 0, // IG_SIZES: no minimum published
    maxDurationSeconds: 60, // IG_SIZES: "Stories 60 s"
    maxVideoKbps: OURS, // none published; ours
    highFrameRateMaxVideoKbps: null, minVideoKbps: 0, // none published
    minFrameRate: 1, maxFrameRate: 60, // META_VIDEO: "fixed frame rate", no range published
    gopSeconds: null, closedGop: false, maxBFrames: null, // none published
    audioKbps: 128, // META_VIDEO: "stereo AAC, 128 kbps or more"
    maxFileBytes: 4 * GB, // IG_SIZES: "4 GB"
    paid: false,
    source: { url: IG_SIZES, says: 'Instagram Stories: 9:16 at 1080×1920, MP4 or MOV with H.264, up to 60 seconds, up to 4 GB; Meta video: stereo AAC at 128 kbps or more, fixed frame rate.' },
  },
  {
    id: 'tiktok', name: 'TikTok', channel: 'TikTok', width: 1080, height: 1920,
    minDurationSeconds: 0, // TikTok publishes a 5 s minimum for ads only (TIKTOK_ADS)
    maxDurationSeconds: 600, // TIKTOK_ADS page, November 2026: "up to 10 minutes" for organic posts
    maxVideoKbps: OURS, // none published; ours
    highFrameRateMaxVideoKbps: null,
    minVideoKbps: 516, // TIKTOK_ADS: "bitrate at least 516 kbps"
    minFrameRate: 1, maxFrameRate: 60, gopSeconds: null, closedGop: false, maxBFrames: null, // none published
    audioKbps: 128, // none published; Meta's figure
    maxFileBytes: 500 * MB, // TIKTOK_ADS: "500 MB"
    paid: false,
    source: { url: TIKTOK_ADS, says: 'TikTok in-feed video: 9:16 at 1080×1920 (at least 720×1280), MP4/MOV, bitrate at least 516 kbps, up to 500 MB.' },
  },
  {
    id: 'youtube-shorts', name: 'YouTube Shorts', channel: 'YouTube Shorts', width: 1080, height: 1920,
    minDurationSeconds: 0, // YOUTUBE_SHORTS: no minimum published
    maxDurationSeconds: 180, // YOUTUBE_SHORTS: "3 min"
    ...YOUTUBE_ENCODING, // YOUTUBE_SHORTS: encoding "as YouTube"
    paid: false,
    source: { url: YOUTUBE_SHORTS, says: 'A Short is a square or vertical video of up to 3 minutes, encoded as YouTube’s upload settings say: H.264 High, closed GOP of half the frame rate, 2 B-frames, AAC-LC 48 kHz stereo at 384 kbps, 8 Mbps at 1080p (12 Mbps at 48–60 fps).' },
  },
  {
    id: 'feed-4x5', name: 'Feed 4:5', channel: 'Instagram Feed', width: 1080, height: 1350,
    minDurationSeconds: 0, // IG_SIZES: no minimum published
    maxDurationSeconds: 3600, // IG_SIZES: "60 min"
    maxVideoKbps: OURS, highFrameRateMaxVideoKbps: null, minVideoKbps: 0, // none published; the ceiling is ours
    minFrameRate: 1, maxFrameRate: 60, gopSeconds: null, closedGop: false, maxBFrames: null, // none published
    audioKbps: 128, // META_VIDEO: "stereo AAC, 128 kbps or more"
    maxFileBytes: 4 * GB, // IG_SIZES: "4 GB"
    paid: false,
    source: { url: IG_SIZES, says: 'Instagram Feed video: 4:5 at 1080×1350 (1:1 also taken), H.264, up to 60 minutes, up to 4 GB.' },
  },
  {
    id: 'square-1x1', name: 'Square 1:1', channel: 'Feed square', width: 1080, height: 1080,
    minDurationSeconds: 0, // IG_SIZES: no minimum published
    maxDurationSeconds: 3600, // IG_SIZES: "60 min"
    maxVideoKbps: OURS, highFrameRateMaxVideoKbps: null, minVideoKbps: 0, // none published; the ceiling is ours
    minFrameRate: 1, maxFrameRate: 60, gopSeconds: null, closedGop: false, maxBFrames: null, // none published
    audioKbps: 128, // META_VIDEO: "stereo AAC, 128 kbps or more"
    maxFileBytes: 4 * GB, // IG_SIZES: "4 GB"
    paid: false,
    source: { url: IG_SIZES, says: 'Instagram and Facebook Feed take 1:1 at 1080×1080, H.264, up to 60 minutes, up to 4 GB.' },
  },
  {
    id: 'landscape-16x9', name: 'Landscape 16:9', channel: 'YouTube', width: 1920, height: 1080,
    minDurationSeconds: 0, // YOUTUBE: no minimum published
    maxDurationSeconds: 12 * 3600, // YOUTUBE: "12 h"
    ...YOUTUBE_ENCODING,
    paid: false,
    source: { url: YOUTUBE, says: 'YouTube’s recommended upload encoding: MP4 with Fast Start, H.264 High, progressive, closed GOP of half the frame rate, 2 consecutive B-frames, CABAC, 4:2:0; AAC-LC stereo 48 kHz at 384 kbps; 1080p at 8 Mbps (12 Mbps at 48–60 fps); up to 12 h and 256 GB.' },
  },
  {
    id: 'meta-reels-ad', name: 'Reels ad (paid)', channel: 'Meta Reels ads', width: 1080, height: 1920,
    minDurationSeconds: 0, // REELS_ADS: no minimum published
    maxDurationSeconds: 90, // REELS_ADS: "Reels 90 s"
    maxVideoKbps: OURS, highFrameRateMaxVideoKbps: null, minVideoKbps: 0, // none published; the ceiling is ours
    minFrameRate: 1, maxFrameRate: 60, gopSeconds: null, closedGop: false, maxBFrames: null, // none published
    audioKbps: 128, // META_VIDEO: "stereo AAC, 128 kbps or more"
    maxFileBytes: 4 * GB, // REELS_ADS: "4 GB"
    paid: true,
    source: { url: REELS_ADS, says: 'Instagram Reels ads: 9:16 at 1080×1920, MP4 or MOV with H.264, up to 90 seconds, up to 4 GB.' },
  },
  {
    id: 'tiktok-spark-ad', name: 'TikTok ad (paid)', channel: 'TikTok ads', width: 1080, height: 1920,
    minDurationSeconds: 5, // TIKTOK_ADS: "5–60 s"
    maxDurationSeconds: 60, // TIKTOK_ADS: as above
    maxVideoKbps: OURS, highFrameRateMaxVideoKbps: null, // none published; ours
    minVideoKbps: 516, // TIKTOK_ADS: "bitrate at least 516 kbps"
    minFrameRate: 1, maxFrameRate: 60, gopSeconds: null, closedGop: false, maxBFrames: null, // none published
    audioKbps: 128, // none published; Meta's figure
    maxFileBytes: 500 * MB, // TIKTOK_ADS: "500 MB"
    paid: true,
    source: { url: TIKTOK_ADS, says: 'TikTok in-feed ads: 9:16 at 1080×1920 (at least 720×1280), bitrate at least 516 kbps, 5–60 s (9–15 s suggested), up to 500 MB.' },
  },
];

/** The ceiling at a frame rate: some platforms allow more bits for 48–60 fps. */
export function videoCeilingKbps(preset: ChannelPreset, frameRate: number): number {
  return frameRate > 30 && preset.highFrameRateMaxVideoKbps !== null ? preset.highFrameRateMaxVideoKbps : preset.maxVideoKbps;
}

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

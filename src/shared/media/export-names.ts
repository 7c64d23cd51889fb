import { ratioOf, type ChannelPreset } from './channel-presets';

/** Characters no file system accepts everywhere (Windows is the strictest), and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;

/** One name part: letters of any script kept, spaces and unsafe characters to dashes. */
export function namePart(text: string, fallback: string): string {
  const cleaned = text.normalize('NFC').replace(UNSAFE, '-').replace(/['’`]/g, '').trim().replace(/\s+/g, '-').replace(/_+/g, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return (cleaned || fallback).slice(0, 60);
}

export const DEFAULT_EXPORT_PATTERN = '{campaign}_{creator}_{channel}_{ratio}';

export interface ExportNameParts {
  campaign: string | null;
  creator: string | null;
  preset: Pick<ChannelPreset, 'channel' | 'width' | 'height'> & { paid?: boolean };
  extension: string;
}

/**
 * `{campaign}_{creator}_{channel}_{ratio}.mp4`, e.g. `Spring-launch_Zoë-Kim_TikTok_9x16.mp4`.
 * A cut for a paid placement ends `_paid` (`…_Meta-Reels-ads_9x16_paid.mp4`), so
 * whoever uploads the pack never runs an organic cut as an ad or the reverse.
 * A name already in `taken` gets `-2`, `-3`… so a pack never overwrites itself.
 */
export function exportFileName(parts: ExportNameParts, taken: Set<string>, pattern = DEFAULT_EXPORT_PATTERN): string {
  const values: Record<string, string> = {
    campaign: namePart(parts.campaign ?? '', 'no-campaign'),
    creator: namePart(parts.creator ?? '', 'no-creator'),
    channel: namePart(parts.preset.channel, 'channel'),
    ratio: ratioOf(parts.preset.width, parts.preset.height, 'x'),
  };
  const base = pattern.replace(/\{(campaign|creator|channel|ratio)\}/g, (_, key: string) => values[key]) + (parts.preset.paid ? '_paid' : '');
  let name = `${base}.${parts.extension}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.${parts.extension}`;
  taken.add(name.toLowerCase());
  return name;
}

import { parseRate, type Rational } from '../../../shared/media/cut-plan';
import { resolveTool, runTool, type MediaToolsOptions } from '../media-tools';

export interface PacketFacts {
  /** The longest run from one key frame to the next (or to the end), in frames. */
  maxKeyframeGap: number;
  /** No picture after a key frame (in decoding order) is shown before it: nothing refers across it. */
  closedGop: boolean;
  /** Most B-frames shown in a row. */
  maxConsecutiveBFrames: number;
}

/** What the output check reads from a cut: the streams, and every packet (sizes, order, key frames) without decoding a picture. */
export interface OutputFacts {
  durationSeconds: number | null;
  video: {
    codec: string;
    profile: string;
    pixelFormat: string;
    width: number;
    height: number;
    /** The container's rate, as the fraction it stores. */
    frameRate: Rational | null;
    durationSeconds: number | null;
    frames: number;
    /** Every video byte over the stream's length. */
    averageKbps: number | null;
  } & PacketFacts | null;
  audio: { codec: string; profile: string; sampleRate: number | null; channels: number | null; averageKbps: number | null } | null;
}

export interface Packet { pts: number; size: number; key: boolean }

/**
 * Reads the GOP structure from packets in decoding order. A frame decoded
 * after another that is shown later is a B-frame (it waited for a picture
 * from its future); a key frame is closed when nothing decoded after it is
 * shown before it.
 */
export function analysePackets(packets: readonly Packet[]): PacketFacts {
  const n = packets.length;
  if (n === 0) return { maxKeyframeGap: 0, closedGop: true, maxConsecutiveBFrames: 0 };
  const isB: boolean[] = [];
  let latest = -Infinity;
  for (const p of packets) {
    isB.push(p.pts < latest);
    latest = Math.max(latest, p.pts);
  }
  const laterMin: number[] = new Array<number>(n);
  let min = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    laterMin[i] = min;
    min = Math.min(min, packets[i].pts);
  }
  const closedGop = packets.every((p, i) => !p.key || laterMin[i] >= p.pts);

  const shown = packets.map((p, i) => ({ pts: p.pts, key: p.key, b: isB[i] })).sort((a, b) => a.pts - b.pts);
  let run = 0;
  let maxConsecutiveBFrames = 0;
  let lastKey = -1;
  let maxKeyframeGap = 0;
  shown.forEach((f, i) => {
    run = f.b ? run + 1 : 0;
    maxConsecutiveBFrames = Math.max(maxConsecutiveBFrames, run);
    if (f.key) {
      if (lastKey >= 0) maxKeyframeGap = Math.max(maxKeyframeGap, i - lastKey);
      else if (i > 0) maxKeyframeGap = Math.max(maxKeyframeGap, Infinity);
      lastKey = i;
    }
  });
  maxKeyframeGap = Math.max(maxKeyframeGap, lastKey < 0 ? Infinity : n - lastKey);
  return { maxKeyframeGap, closedGop, maxConsecutiveBFrames };
}

interface RawStream {
  index?: number; codec_type?: string; codec_name?: string; profile?: string; pix_fmt?: string; width?: number; height?: number;
  r_frame_rate?: string; duration?: string; sample_rate?: string; channels?: number;
}
interface RawPacket { stream_index?: number; pts?: number | string; size?: string | number; flags?: string }

const num = (v: unknown): number | null => {
  const n = Number(v);
  return v !== undefined && v !== null && v !== '' && Number.isFinite(n) && n >= 0 ? n : null;
};

export function parseOutputFacts(json: string): OutputFacts {
  const data = JSON.parse(json) as { streams?: RawStream[]; packets?: RawPacket[]; format?: { duration?: string } };
  const streams = data.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  const packetsOf = (index: number | undefined) => (data.packets ?? []).filter((p) => p.stream_index === index);
  const kbps = (packets: RawPacket[], seconds: number | null) => (seconds ? packets.reduce((sum, p) => sum + (num(p.size) ?? 0), 0) * 8 / seconds / 1000 : null);
  let video: OutputFacts['video'] = null;
  if (v?.width && v.height) {
    const raw = packetsOf(v.index);
    const packets = raw.map((p) => ({ pts: num(p.pts) ?? Number(p.pts), size: num(p.size) ?? 0, key: (p.flags ?? '').includes('K') })).filter((p) => Number.isFinite(p.pts));
    const durationSeconds = num(v.duration) ?? num(data.format?.duration);
    video = {
      codec: v.codec_name ?? 'unknown', profile: v.profile ?? '', pixelFormat: v.pix_fmt ?? '', width: v.width, height: v.height,
      frameRate: parseExactRate(v.r_frame_rate), durationSeconds, frames: packets.length, averageKbps: kbps(raw, durationSeconds),
      ...analysePackets(packets),
    };
  }
  const audio = a ? {
    codec: a.codec_name ?? 'unknown', profile: a.profile ?? '', sampleRate: num(a.sample_rate), channels: a.channels ?? null,
    averageKbps: kbps(packetsOf(a.index), num(a.duration)),
  } : null;
  return { durationSeconds: num(data.format?.duration), video, audio };
}

/** The stored fraction as it is: the check must see 2997/100 if that is what the file says. */
function parseExactRate(text: string | undefined): Rational | null {
  if (!text) return null;
  const [n, d = 1] = text.split('/').map(Number);
  return Number.isInteger(n) && Number.isInteger(d) && n > 0 && d > 0 ? { num: n, den: d } : parseRate(text);
}

export async function readOutputFacts(path: string, tools: MediaToolsOptions = {}): Promise<OutputFacts> {
  const ffprobe = resolveTool('ffprobe', tools);
  if (!ffprobe.path) throw new Error('Fanfare needs ffprobe (part of ffmpeg) to check cuts. Install ffmpeg and restart Fanfare.');
  const { stdout } = await runTool(ffprobe.path, [
    '-v', 'error', '-print_format', 'json',
    '-show_entries', 'format=duration:stream=index,codec_type,codec_name,profile,pix_fmt,width,height,r_frame_rate,duration,sample_rate,channels:packet=stream_index,pts,size,flags',
    '-i', path,
  ], { timeoutMs: 120_000 });
  return parseOutputFacts(stdout);
}

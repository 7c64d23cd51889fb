import { describe, expect, it } from 'vitest';
import { builtInPresets, channelPresetFields, mergePresets, PRESET_SOURCES, ratioOf } from '../../../src/shared/media/channel-presets';
import { buildCutArgs, CutPlanError, cropRect, outputFrameRate, parseRate, ratePlan, type CutSource } from '../../../src/shared/media/cut-plan';

const preset = (id: string) => builtInPresets.find((p) => p.id === id)!;
const landscape: CutSource = { path: '/media/ab/clip with "quotes" 夏.mp4', width: 1920, height: 1080, durationSeconds: 30, frameRate: { num: 30000, den: 1001 }, hasAudio: true };

describe('channel presets', () => {
  it('cover every channel the brief names, each citing its published spec', () => {
    const sizes = Object.fromEntries(builtInPresets.map((p) => [p.id, `${p.width}x${p.height}`]));
    expect(sizes).toMatchObject({
      'instagram-reels': '1080x1920', 'instagram-stories': '1080x1920', tiktok: '1080x1920', 'youtube-shorts': '1080x1920',
      'feed-4x5': '1080x1350', 'square-1x1': '1080x1080', 'landscape-16x9': '1920x1080',
    });
    for (const p of builtInPresets) {
      expect(channelPresetFields.parse(p)).toEqual(p);
      expect(p.source?.url).toMatch(/^https:\/\//);
      expect(p.source?.says.length).toBeGreaterThan(20);
      expect(PRESET_SOURCES).toContain(p.source?.url);
    }
    // The floors and ceilings the platforms publish (PLATFORM-SPECS.md).
    const bounds = Object.fromEntries(builtInPresets.map((p) => [p.id, [p.minVideoKbps, p.maxVideoKbps, p.minDurationSeconds, p.maxDurationSeconds, p.maxFileBytes / 1024 / 1024]]));
    expect(bounds).toMatchObject({
      tiktok: [516, 8000, 0, 600, 500], 'tiktok-spark-ad': [516, 8000, 5, 60, 500],
      'instagram-reels': [0, 25_000, 3, 900, 1024], 'meta-reels-ad': [0, 8000, 0, 90, 4096], 'instagram-stories': [0, 8000, 0, 60, 4096],
      'landscape-16x9': [0, 8000, 0, 12 * 3600, 256 * 1024], 'youtube-shorts': [0, 8000, 0, 180, 256 * 1024],
    });
    expect(ratioOf(1080, 1350)).toBe('4:5');
    expect(ratioOf(1080, 1920, 'x')).toBe('9x16');
  });

  it('adds the team’s own presets after the built-ins and ignores broken or clashing ones', () => {
    const mine = { id: 'pinterest-2x3', name: 'Pinterest 2:3', channel: 'Pinterest', width: 1000, height: 1500, maxDurationSeconds: 900, maxVideoKbps: 6000, maxFileBytes: 2e9 };
    const merged = mergePresets([mine, { ...mine, id: 'tiktok' }, { ...mine, id: 'odd', width: 1001 }]);
    expect(merged.map((p) => p.id)).toEqual([...builtInPresets.map((p) => p.id), 'pinterest-2x3']);
    expect(channelPresetFields.safeParse({ ...mine, width: 1001 }).error?.issues[0].message).toMatch(/even/);
  });
});

describe('crop rectangles', () => {
  it('takes the largest region of the target shape, centred on the focal point, clamped to the frame', () => {
    expect(cropRect(1920, 1080, 1080, 1920)).toEqual({ x: 658, y: 0, width: 606, height: 1080 });
    expect(cropRect(1920, 1080, 1080, 1920, 0, 0.5)).toMatchObject({ x: 0 });
    expect(cropRect(1920, 1080, 1080, 1920, 1, 0.5)).toMatchObject({ x: 1920 - 606 });
    expect(cropRect(1080, 1920, 1080, 1350, 0.5, 0.1)).toEqual({ x: 0, y: 0, width: 1080, height: 1350 });
    const r = cropRect(1081, 721, 1080, 1080, 0.37, 0.5);
    for (const n of [r.x, r.y, r.width, r.height]) expect(n % 2).toBe(0);
    expect(r.x + r.width).toBeLessThanOrEqual(1081);
  });

  it('keeps the source frame rate exactly (NTSC as 30000/1001) inside the channel’s range, and 30 when unknown', () => {
    expect(outputFrameRate(parseRate('30000/1001'))).toEqual({ num: 30000, den: 1001 });
    // A decimal read somewhere else is still the NTSC rate it stands for, never 2997/100.
    expect(outputFrameRate(29.97)).toEqual({ num: 30000, den: 1001 });
    expect(outputFrameRate(parseRate('2997/100'))).toEqual({ num: 30000, den: 1001 });
    expect(outputFrameRate(parseRate('60000/1001'))).toEqual({ num: 60000, den: 1001 });
    expect(outputFrameRate(parseRate('25/1'))).toEqual({ num: 25, den: 1 });
    // Above the highest: every other frame; below the lowest: every frame twice. Whole steps only.
    expect(outputFrameRate(120)).toEqual({ num: 60, den: 1 });
    expect(outputFrameRate(parseRate('120000/1001'))).toEqual({ num: 60000, den: 1001 });
    expect(outputFrameRate(15, { minFrameRate: 23, maxFrameRate: 60 })).toEqual({ num: 30, den: 1 });
    expect(outputFrameRate(null)).toEqual({ num: 30, den: 1 });
    // An odd average keeps its fraction; a phone's near-NTSC average is NTSC.
    expect(outputFrameRate(parseRate('2000/67'))).toEqual({ num: 2000, den: 67 });
    expect(outputFrameRate(parseRate('1798200/60029'))).toEqual({ num: 30000, den: 1001 });
  });
});

describe('ffmpeg arguments', () => {
  it('decodes once and encodes every output with the preset’s encoding, as an argument array', () => {
    const plan = buildCutArgs({
      source: landscape, inSeconds: 2, outSeconds: 12,
      outputs: [
        { preset: preset('instagram-reels'), fit: 'crop', focusX: 0.5, focusY: 0.5, keepAudio: true, path: '/out/a b.mp4' },
        { preset: preset('square-1x1'), fit: 'blur', focusX: 0.5, focusY: 0.5, keepAudio: false, path: '/out/ünï "2".mp4' },
      ],
    });
    expect(plan.durationSeconds).toBe(10);
    const { args } = plan;
    expect(args.slice(args.indexOf('-ss'), args.indexOf('-i') + 2)).toEqual(['-ss', '2.000', '-t', '10.000', '-i', landscape.path]);
    const graph = args[args.indexOf('-filter_complex') + 1];
    expect(graph).toContain('[0:v]split=2[s0][s1]');
    expect(graph).toContain('[s0]fps=30000/1001,crop=606:1080:658:0,scale=1080:1920');
    expect(args.filter((a) => a === '30000/1001')).toHaveLength(2);
    expect(graph).toContain('boxblur');
    expect(args).toContain('/out/a b.mp4');
    expect(args).toContain('/out/ünï "2".mp4');
    expect(args.filter((a) => a === '+faststart')).toHaveLength(2);
    expect(args.filter((a) => a === 'high')).toHaveLength(2);
    expect(args.filter((a) => a === 'yuv420p')).toHaveLength(2);
    expect(args.join(' ')).toContain('-map 0:a:0 -c:a aac -b:a 128k -ar 48000 -ac 2');
    expect(args.filter((a) => a === '-an')).toHaveLength(1);
    expect(args).toContain('-progress');
    // Reels: 25 Mbps published; a 10 s cut may add 0.9 × a 2.5 s buffer, so the rate is lowered to keep the average under it.
    expect(args[args.indexOf('-maxrate') + 1]).toBe(`${plan.outputs[0].rate.maxrateKbps}k`);
    expect(plan.outputs[0].rate).toMatchObject({ ceilingKbps: 25_000, bufsizeKbps: 25_000, maxrateKbps: 22_000, floorKbps: 0, targetKbps: null });
  });

  it('drops audio when the source has none, and refuses cuts a channel cannot take', () => {
    const silent = buildCutArgs({ source: { ...landscape, hasAudio: false }, inSeconds: 0, outSeconds: 5, outputs: [{ preset: preset('tiktok'), fit: 'crop', focusX: 0.5, focusY: 0.5, keepAudio: true, path: '/o.mp4' }] });
    expect(silent.args).toContain('-an');
    expect(silent.args).not.toContain('0:a:0');
    const out = { preset: preset('instagram-stories'), fit: 'crop' as const, focusX: 0.5, focusY: 0.5, keepAudio: true, path: '/o.mp4' };
    expect(() => buildCutArgs({ source: { ...landscape, durationSeconds: 120 }, inSeconds: 0, outSeconds: 90, outputs: [out] })).toThrow(/up to 1 minute/);
    expect(() => buildCutArgs({ source: landscape, inSeconds: 5, outSeconds: 5, outputs: [out] })).toThrow(CutPlanError);
    expect(() => buildCutArgs({ source: landscape, inSeconds: 0, outSeconds: 5, outputs: [] })).toThrow(/at least one channel/);
    // The end is clamped to the source: asking for more than there is cuts what there is.
    expect(buildCutArgs({ source: landscape, inSeconds: 25, outSeconds: 40, outputs: [{ ...out }] }).durationSeconds).toBe(5);
  });
});

describe('published bounds in the plan', () => {
  const out = (id: string, extra = {}) => ({ preset: preset(id), fit: 'crop' as const, focusX: 0.5, focusY: 0.5, keepAudio: true, path: `/o/${id}.mp4`, ...extra });

  it('keeps the average under the ceiling however short the cut: the buffer and the rate shrink together', () => {
    for (const seconds of [0.5, 2, 4, 8, 30, 600]) {
      const r = ratePlan(preset('tiktok'), 30, seconds, true);
      // What x264 can spend at most: the rate over the cut plus the buffer it starts 90% full.
      expect(r.maxrateKbps + (0.9 * r.bufsizeKbps) / seconds).toBeLessThanOrEqual(r.ceilingKbps);
      expect(r.maxrateKbps).toBeGreaterThan(r.floorKbps);
    }
    // The issue's case: an 8 s cut with a buffer twice the cap could average 10,086 kbit/s against 8,000.
    expect(ratePlan(preset('tiktok'), 30, 8, true)).toMatchObject({ ceilingKbps: 8_000, bufsizeKbps: 8_000, maxrateKbps: 6_859 });
    // Ten minutes for TikTok would pass 500 MB at 8 Mbps: the size lowers the ceiling.
    expect(ratePlan(preset('tiktok'), 30, 600, true).ceilingKbps).toBe(Math.floor(500 * 1024 * 1024 * 8 / 1000 / 600 * 0.97 - 128));
    // YouTube publishes 12 Mbps above 30 frames a second.
    expect(ratePlan(preset('landscape-16x9'), 60, 30, true).ceilingKbps).toBe(12_000);
    expect(ratePlan(preset('landscape-16x9'), 30000 / 1001, 30, true).ceilingKbps).toBe(8_000);
  });

  it('pads a cut to the floor at a constant rate with filler, and refuses a floor no file size allows', () => {
    const plan = buildCutArgs({ source: landscape, inSeconds: 0, outSeconds: 8, outputs: [out('tiktok-spark-ad', { rateMode: 'floor' })] });
    expect(plan.outputs[0].rate).toMatchObject({ floorKbps: 516, targetKbps: 645 });
    const { args } = plan;
    expect(args.slice(args.indexOf('-b:v'), args.indexOf('-b:v') + 8)).toEqual(['-b:v', '645k', '-minrate', '645k', '-maxrate', '645k', '-bufsize', '645k']);
    expect(args[args.indexOf('-x264-params') + 1]).toContain('nal-hrd=cbr');
    expect(args).not.toContain('-crf');
    expect(() => ratePlan({ ...preset('tiktok'), maxFileBytes: 10 * 1024 * 1024 }, 30, 300, true)).toThrow(/at least 516 kbit\/s but takes files up to 10 MB/);
    expect(() => buildCutArgs({ source: landscape, inSeconds: 0, outSeconds: 8, outputs: [out('square-1x1', { rateMode: 'floor' })] })).toThrow(/no bitrate floor/);
  });

  it('follows YouTube’s recommended encoding: closed GOP of half the frame rate, 2 B-frames, 384 kbps stereo AAC', () => {
    const plan = buildCutArgs({ source: landscape, inSeconds: 0, outSeconds: 10, outputs: [out('landscape-16x9'), out('youtube-shorts'), out('tiktok')] });
    expect(plan.outputs.map((o) => [o.keyint, o.bFrames])).toEqual([[15, 2], [15, 2], [null, null]]);
    const params = plan.args.flatMap((a, i) => (plan.args[i - 1] === '-x264-params' ? [a] : []));
    expect(params[0]).toBe('open-gop=0:cabac=1:8x8dct=1:keyint=15:bframes=2');
    expect(params[2]).toBe('open-gop=0:cabac=1:8x8dct=1');
    const audio = plan.args.flatMap((a, i) => (plan.args[i - 1] === '-b:a' ? [a] : []));
    expect(audio).toEqual(['384k', '384k', '128k']);
    const at50 = buildCutArgs({ source: { ...landscape, frameRate: 50 }, inSeconds: 0, outSeconds: 10, outputs: [out('landscape-16x9')] });
    expect(at50.outputs[0]).toMatchObject({ keyint: 25, frameRate: { num: 50, den: 1 } });
  });

  it('refuses a cut shorter than the channel takes, saying how long it must be', () => {
    expect(() => buildCutArgs({ source: landscape, inSeconds: 0, outSeconds: 4, outputs: [out('tiktok-spark-ad')] }))
      .toThrow('TikTok ad (paid) takes videos of at least 5 seconds; this cut is 4 seconds. Move the end marker later.');
    expect(() => buildCutArgs({ source: landscape, inSeconds: 0, outSeconds: 2, outputs: [out('instagram-reels')] })).toThrow(/at least 3 seconds/);
  });

  it('keeps a custom preset without the new bounds valid, with none applied', () => {
    const mine = channelPresetFields.parse({ id: 'pinterest-2x3', name: 'Pinterest', channel: 'Pinterest', width: 1000, height: 1500, maxDurationSeconds: 900, maxVideoKbps: 6000, maxFileBytes: 2e9 });
    expect(mine).toMatchObject({ minVideoKbps: 0, minDurationSeconds: 0, highFrameRateMaxVideoKbps: null, gopSeconds: null, maxBFrames: null, closedGop: false, minFrameRate: 1, maxFrameRate: 60 });
    expect(channelPresetFields.safeParse({ ...mine, minVideoKbps: 7000 }).error?.issues[0].message).toMatch(/floor must be below the ceiling/);
  });
});

import { describe, expect, it } from 'vitest';
import { builtInPresets, channelPresetFields, mergePresets, ratioOf } from '../../../src/shared/media/channel-presets';
import { buildCutArgs, CutPlanError, cropRect, outputFrameRate, type CutSource } from '../../../src/shared/media/cut-plan';

const preset = (id: string) => builtInPresets.find((p) => p.id === id)!;
const landscape: CutSource = { path: '/media/ab/clip with "quotes" 夏.mp4', width: 1920, height: 1080, durationSeconds: 30, frameRate: 29.97, hasAudio: true };

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
    }
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

  it('keeps the source frame rate up to 60, and 30 when unknown', () => {
    expect(outputFrameRate(29.97)).toBe(29.97);
    expect(outputFrameRate(120)).toBe(60);
    expect(outputFrameRate(null)).toBe(30);
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
    expect(graph).toContain('fps=29.97,split=2[s0][s1]');
    expect(graph).toContain('[s0]crop=606:1080:658:0,scale=1080:1920');
    expect(graph).toContain('boxblur');
    expect(args).toContain('/out/a b.mp4');
    expect(args).toContain('/out/ünï "2".mp4');
    expect(args.filter((a) => a === '+faststart')).toHaveLength(2);
    expect(args.filter((a) => a === 'high')).toHaveLength(2);
    expect(args.filter((a) => a === 'yuv420p')).toHaveLength(2);
    expect(args.join(' ')).toContain('-map 0:a:0 -c:a aac -b:a 128k -ar 48000 -ac 2');
    expect(args.filter((a) => a === '-an')).toHaveLength(1);
    expect(args).toContain('-progress');
    expect(args[args.indexOf('-maxrate') + 1]).toBe('8000k');
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

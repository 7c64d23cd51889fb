import { describe, expect, it } from 'vitest';
import { exportFileName, namePart } from '../../../src/shared/media/export-names';

const reels = { channel: 'Instagram Reels', width: 1080, height: 1920 };

describe('export file names', () => {
  it('follow {campaign}_{creator}_{channel}_{ratio} and keep every script', () => {
    const taken = new Set<string>();
    expect(exportFileName({ campaign: 'Spring launch', creator: 'Zoë Kim', preset: reels, extension: 'mp4' }, taken)).toBe('Spring-launch_Zoë-Kim_Instagram-Reels_9x16.mp4');
    expect(exportFileName({ campaign: 'Spring launch', creator: 'Zoë Kim', preset: reels, extension: 'mp4' }, taken)).toBe('Spring-launch_Zoë-Kim_Instagram-Reels_9x16-2.mp4');
    expect(exportFileName({ campaign: '夏のキャンペーン', creator: 'Анна "A/B" <test>', preset: reels, extension: 'mp4' }, taken)).toBe('夏のキャンペーン_Анна-A-B-test_Instagram-Reels_9x16.mp4');
    expect(exportFileName({ campaign: null, creator: null, preset: { channel: 'Feed', width: 1080, height: 1350 }, extension: 'jpg' }, taken)).toBe('no-campaign_no-creator_Feed_4x5.jpg');
  });

  it('never leaves characters a file system refuses', () => {
    expect(namePart('a:b*c?d|e\\f/g\u0001', 'x')).toBe('a-b-c-d-e-f-g');
    expect(namePart('  ...  ', 'fallback')).toBe('fallback');
  });
});

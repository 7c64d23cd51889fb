import { describe, expect, it } from 'vitest';
import { cutOutputStatus } from '../../../../src/renderer/src/screens/library/cut-output-status';

describe('how a cut output reads on its badge', () => {
  const out = { status: 'pending' as const, problem: null, checks: [] };

  it('says Cancelled for the outputs of a cancelled job, never Failed', () => {
    // What the queue leaves on a job cancelled while cutting or while waiting (tests/main/services/cut-jobs/cut-queue.test.ts).
    expect(cutOutputStatus({ status: 'cancelled' }, { ...out, status: 'cancelled', problem: 'Cancelled.' })).toEqual({ label: 'Cancelled', color: 'gray', icon: null, title: 'Cancelled before this cut was made.' });
  });

  it('keeps Failed for a real failure with its reason, and Ready with what was checked', () => {
    expect(cutOutputStatus({ status: 'done' }, { status: 'failed', problem: 'The video averages 25 kbit/s over the cut; TikTok needs at least 516 kbit/s.', checks: [] }))
      .toMatchObject({ label: 'Failed', color: 'red', title: expect.stringContaining('516 kbit/s') });
    expect(cutOutputStatus({ status: 'done' }, { status: 'done', problem: null, checks: ['1080×1920', 'video 700 kbit/s'] }).title).toBe('Checked: 1080×1920, video 700 kbit/s');
    expect(cutOutputStatus({ status: 'queued' }, out).label).toBe('Waiting');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { forgetSaveState, reportSaveState, savedOrRefused } from '../../../src/renderer/src/data/save-status';

// What the page answers before its desktop window closes.

const failing = { state: 'failing' as const, unsaved: 3, problem: 'disk-full' as const, detail: 'QuotaExceededError', since: '2026-01-01T00:00:00.000Z' };
const saving = { state: 'saving' as const, unsaved: 3, problem: null, detail: null, since: null };

afterEach(() => {
  forgetSaveState('workspace:a');
  forgetSaveState('rich-text:b');
});

describe('before the window closes', () => {
  it('answers saved once the saving work is done and nothing was refused', async () => {
    reportSaveState('workspace:a', saving);
    let done: () => void = () => undefined;
    const answer = savedOrRefused(new Promise<void>((resolve) => { done = resolve; }));
    reportSaveState('workspace:a', { ...saving, state: 'saved', unsaved: 0 });
    done();
    expect(await answer).toEqual({ saved: true, problem: null });
  });

  it('answers at once when a write is refused already, without waiting for the saving work that cannot finish', async () => {
    reportSaveState('rich-text:b', failing);
    expect(await savedOrRefused(new Promise(() => undefined))).toEqual({ saved: false, problem: 'disk-full' });
  });

  it('answers as soon as a write is refused while it waits', async () => {
    reportSaveState('workspace:a', saving);
    const answer = savedOrRefused(new Promise(() => undefined));
    reportSaveState('workspace:a', { ...failing, problem: 'refused' });
    expect(await answer).toEqual({ saved: false, problem: 'refused' });
  });
});

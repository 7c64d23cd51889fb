import type { CloseReadiness } from '../../../shared/api/wire';
import type { SaveState } from './local-store';

/**
 * What this window has not been able to store, across the workspace's data
 * and every open rich-text document: the banner and the close warning read it.
 */
export interface SaveSummary {
  /** Some change was refused by the browser and is kept in memory only. */
  failing: boolean;
  /** Some change is on its way to disk (or held, when failing). */
  unsaved: boolean;
  /** The first refusal's kind and words. */
  problem: SaveState['problem'];
  detail: string | null;
  since: string | null;
}

interface Entry {
  state: SaveState;
  retry: (() => void) | null;
}

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let summary: SaveSummary = summarise();

/** Records where one document stands; `saved` entries are dropped. */
export function reportSaveState(key: string, state: SaveState, retry: (() => void) | null = null): void {
  if (state.state === 'saved') entries.delete(key);
  else entries.set(key, { state, retry });
  summary = summarise();
  listeners.forEach((l) => l());
}

export function forgetSaveState(key: string): void {
  if (!entries.delete(key)) return;
  summary = summarise();
  listeners.forEach((l) => l());
}

export function saveSummary(): SaveSummary {
  return summary;
}

export function onSaveSummary(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tries every refused write again now. */
export function retryAllSaves(): void {
  for (const entry of entries.values()) if (entry.state.state === 'failing') entry.retry?.();
}

function summarise(): SaveSummary {
  const states = [...entries.values()].map((e) => e.state);
  const failing = states.filter((s) => s.state === 'failing').sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
  const first = failing[0];
  return {
    failing: failing.length > 0,
    unsaved: states.length > 0,
    problem: first?.problem ?? null,
    detail: first?.detail ?? null,
    since: first?.since ?? null,
  };
}

/**
 * Before the window closes: resolves once `saving` has finished with
 * everything stored, or at once when the browser refuses a write (now or
 * while waiting), since those changes are then in this window only and the
 * person must be asked before it closes.
 */
export function savedOrRefused(saving: Promise<unknown>): Promise<CloseReadiness> {
  return new Promise((resolve) => {
    const refused = () => {
      if (!summary.failing) return false;
      stop();
      resolve({ saved: false, problem: summary.problem });
      return true;
    };
    const stop = onSaveSummary(refused);
    if (refused()) return;
    // A save that failed for another reason says nothing of refused writes; the summary does.
    void saving.catch(() => undefined).then(() => {
      if (refused()) return;
      stop();
      resolve({ saved: true, problem: null });
    });
  });
}

import { platformLabels, type Platform } from '../data/schemas/creators';
import { emailKey, handleKey, indexKeys, type KeyedCreator } from '../import/existing';
import { normalizeHandle } from './handles';

/**
 * A creator typed in by hand is checked against the list the way an import
 * row is (src/shared/import/plan.ts): the same platform + handle (case, "@"
 * and profile links aside) or the same email, creators in the trash left out.
 * The keys are the importer's own, so a hand-added creator and an imported
 * one can never disagree about who is already there.
 */
export interface NewCreatorKeys {
  accounts: { platform: Platform; handle: string }[];
  emails: { address: string }[];
}

export type ExistingCreator = KeyedCreator & { name: string };

export interface CreatorMatch {
  id: string;
  name: string;
  /** The strongest evidence first: a handle on the same platform outranks an email. */
  by: 'handle' | 'email';
  /** What they share, in words: "@mayamoves on Instagram", "maya@example.com". */
  shared: string[];
}

/** What to look the candidates up by (handles and emails as they are stored), before the exact check. */
export function matchLookup(incoming: NewCreatorKeys): { handles: string[]; emails: string[] } {
  return {
    handles: [...new Set(incoming.accounts.map((a) => normalizeHandle(a.handle)).filter(Boolean))],
    emails: [...new Set(incoming.emails.map((e) => emailKey(e.address)).filter(Boolean))],
  };
}

/** The creators already in the list that this new one would duplicate, handle matches first. */
export function creatorMatches(incoming: NewCreatorKeys, existing: Iterable<ExistingCreator>): CreatorMatch[] {
  const list = [...existing];
  const index = indexKeys(list);
  const names = new Map(list.map((c) => [c.id, c.name]));
  const found = new Map<string, CreatorMatch>();
  const note = (ids: string[] | undefined, by: CreatorMatch['by'], shared: string) => {
    for (const id of ids ?? []) {
      const match = found.get(id) ?? { id, name: names.get(id) ?? 'A creator', by, shared: [] };
      if (!match.shared.includes(shared)) match.shared.push(shared);
      found.set(id, match);
    }
  };
  for (const a of incoming.accounts) {
    const handle = normalizeHandle(a.handle);
    if (handle) note(index.get(handleKey(a.platform, handle)), 'handle', `@${handle} on ${platformLabels[a.platform]}`);
  }
  for (const e of incoming.emails) {
    const key = emailKey(e.address);
    if (key) note(index.get(key), 'email', key);
  }
  return [...found.values()].sort((a, b) => (a.by === b.by ? 0 : a.by === 'handle' ? -1 : 1));
}

/** "Maya Johnson already has @mayamoves on Instagram and maya@example.com." */
export function matchSentence(match: CreatorMatch): string {
  const what = match.shared.length > 1 ? `${match.shared.slice(0, -1).join(', ')} and ${match.shared.at(-1)}` : match.shared[0];
  return `${match.name} already has ${what}.`;
}

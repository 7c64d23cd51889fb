import type { StoreOperation } from '../data/store';
import { foldText } from './fold-text';
import type { MediaFile } from '../api/contract';

export type SwipeKind = 'link' | 'idea' | 'file';
export type SwipeOwner = 'ours' | 'competitor' | 'creator';

/** What search and the filters need of a `swipes` record. */
export interface SwipeLike {
  id: string;
  kind: SwipeKind;
  url: string;
  title: string;
  description: string;
  notes: string;
  tags: string[];
  board: string;
  ownerKind: SwipeOwner;
  ownerName: string;
}

export interface SwipeFilter {
  text: string;
  kind: 'all' | SwipeKind;
  board: string | null;
  tags: string[];
  /** A competitor's or creator's name, or "ours" for our own brand. */
  owner: string | null;
}

export const emptySwipeFilter: SwipeFilter = { text: '', kind: 'all', board: null, tags: [], owner: null };

export const OUR_BRAND = 'ours';

/** The owner as the filter names it: "ours", or the folded competitor/creator name (so "Glossier" and "glossier " are one). */
export function ownerKey(s: Pick<SwipeLike, 'ownerKind' | 'ownerName'>): string {
  return s.ownerKind === 'ours' ? OUR_BRAND : foldText(s.ownerName);
}

export function filterSwipes<T extends SwipeLike>(items: readonly T[], filter: SwipeFilter): T[] {
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  const board = filter.board === null ? null : foldText(filter.board);
  const tags = filter.tags.map(foldText);
  const owner = filter.owner === null ? null : filter.owner === OUR_BRAND ? OUR_BRAND : foldText(filter.owner);
  return items.filter((s) => {
    if (filter.kind !== 'all' && s.kind !== filter.kind) return false;
    if (board !== null && foldText(s.board) !== board) return false;
    if (tags.length && !tags.every((t) => s.tags.some((x) => foldText(x) === t))) return false;
    if (owner !== null && ownerKey(s) !== owner) return false;
    if (words.length) {
      const haystack = foldText([s.title, s.description, s.notes, s.url, s.board, s.ownerName, ...s.tags].join(' '));
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}

/** The boards, tags and owners in use, each once (the first spelling wins), sorted: what the filters offer. */
export function swipeFacets(items: readonly SwipeLike[]): { boards: string[]; tags: string[]; owners: { value: string; label: string }[] } {
  const once = (values: string[]) => {
    const seen = new Map<string, string>();
    for (const v of values) if (v.trim() && !seen.has(foldText(v))) seen.set(foldText(v), v.trim());
    return [...seen.values()].sort((a, b) => a.localeCompare(b));
  };
  const owners = new Map<string, string>();
  for (const s of items) if (s.ownerKind !== 'ours' && s.ownerName && !owners.has(ownerKey(s))) owners.set(ownerKey(s), s.ownerName.trim());
  return {
    boards: once(items.map((s) => s.board)),
    tags: once(items.flatMap((s) => s.tags)),
    owners: [
      ...(items.some((s) => s.ownerKind === 'ours') ? [{ value: OUR_BRAND, label: 'Our brand' }] : []),
      ...[...owners].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)),
    ],
  };
}

export type LinkReading = { url: string; problem: null } | { url: null; problem: string };

/**
 * Reads a link as a person pastes it: "glossier.com/products/x" gets https://,
 * anything that is not a web page (mailto:, javascript:, file:, a bare word)
 * is refused with the reason.
 */
export function readLink(raw: string): LinkReading {
  const text = raw.trim();
  if (!text) return { url: null, problem: 'Paste a link to the post, ad or page' };
  // "example.com:8080/x" is a host and a port, not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(text)?.[1]?.toLowerCase();
  const withScheme = scheme ? text : `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { url: null, problem: `“${text}” is not a web address` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { url: null, problem: `Only web links (http or https) can be saved, not ${parsed.protocol.slice(0, -1)}: links` };
  if (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost' && !/^\[/.test(parsed.hostname)) return { url: null, problem: `“${text}” is not a web address (no domain such as .com)` };
  if (parsed.username || parsed.password) return { url: null, problem: 'Remove the user name and password from the link before saving it' };
  if (parsed.href.length > 2000) return { url: null, problem: 'This link is longer than 2000 characters' };
  return { url: parsed.href, problem: null };
}

/** What a saved item is called on a card or in a brief, whatever it is. */
export function swipeLabel(s: Pick<SwipeLike, 'title' | 'url' | 'notes' | 'kind'>, fileName?: string): string {
  if (s.title) return s.title;
  if (s.kind === 'link' && s.url) {
    try {
      const u = new URL(s.url);
      return `${u.hostname.replace(/^www\./, '')}${u.pathname === '/' ? '' : u.pathname}`;
    } catch { return s.url; }
  }
  if (s.kind === 'file' && fileName) return fileName;
  return s.notes.split('\n')[0].slice(0, 80) || 'Untitled idea';
}

export const MAX_BRIEF_REFERENCES = 50;

export type ReferenceAdd = { references: string[]; problem: null; already: boolean } | { references: null; problem: string; already: false };

/** A brief's references with this item added at the end; already there: unchanged, and said so. */
export function addReference(references: readonly string[], swipeId: string): ReferenceAdd {
  if (references.includes(swipeId)) return { references: [...references], problem: null, already: true };
  if (references.length >= MAX_BRIEF_REFERENCES) return { references: null, problem: `This brief already has ${MAX_BRIEF_REFERENCES} references, the most it can hold. Remove one first.`, already: false };
  return { references: [...references, swipeId], problem: null, already: false };
}

export function removeReference(references: readonly string[], swipeId: string): string[] {
  return references.filter((id) => id !== swipeId);
}

/** What a swipe item's form holds, before it is a record. */
export interface SwipeDraft {
  kind: SwipeKind;
  url: string;
  title: string;
  notes: string;
  tags: string[];
  board: string;
  ownerKind: SwipeOwner;
  ownerName: string;
}

/** A file the host just stored (`library-upload-finish`): the contract's description of it. */
export type StoredFile = MediaFile;

/**
 * Saving a Library file to the swipe file, in one undoable step: a new upload
 * becomes an asset marked as the swipe file's and as whose it is (so a
 * competitor's screenshot never raises our usage-rights warnings); an
 * existing file not yet marked takes the owner named here.
 */
export function fileSwipeOperations(draft: SwipeDraft, file: { uploaded: StoredFile } | { asset: { id: string; ownerKind: SwipeOwner | null } }, newId: () => string): StoreOperation[] {
  const owner = { ownerKind: draft.ownerKind, ownerName: draft.ownerKind === 'ours' ? '' : draft.ownerName.trim() };
  const ops: StoreOperation[] = [];
  let assetId: string;
  if ('uploaded' in file) {
    const m = file.uploaded;
    assetId = newId();
    ops.push({ kind: 'create', collection: 'assets', id: assetId, input: {
      sha256: m.sha256, fileName: m.fileName, mimeType: m.mimeType, kind: m.kind, sizeBytes: m.sizeBytes, width: m.width, height: m.height,
      durationSeconds: m.durationSeconds, videoCodec: m.videoCodec.slice(0, 40), audioCodec: m.audioCodec.slice(0, 40), unreadable: m.unreadable ? m.unreadable.slice(0, 300) : null,
      source: 'swipe-file', tags: draft.tags, ...owner,
    } });
  } else {
    assetId = file.asset.id;
    if (file.asset.ownerKind === null && draft.ownerKind !== 'ours') ops.push({ kind: 'update', collection: 'assets', id: assetId, patch: owner });
  }
  ops.push({ kind: 'create', collection: 'swipes', id: newId(), input: {
    kind: 'file', assetId, title: draft.title.trim(), notes: draft.notes, tags: draft.tags, board: draft.board.trim(), ...owner,
  } });
  return ops;
}

/** Whether a Library file is someone else's (saved for inspiration): no usage-rights rule applies, and it is not ours to run. */
export function isNotOurs(asset: { source: string; ownerKind?: SwipeOwner | null }): boolean {
  return asset.ownerKind === 'competitor' || asset.ownerKind === 'creator';
}

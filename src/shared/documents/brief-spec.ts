import { platformLabels, type Platform } from '../data/schemas/creators';
import { templateDateLine } from '../domain/brief-template';
import { formatDay } from '../domain/day-format';
import { pmToBlocks, type PmNode } from './brief';
import { promptRefusal, uneditedPrompts } from './brief-prompts';
import { dosAndDontsRows, plainText, readDosAndDonts, sectionsOf } from './brief-sections';
import type { Block, BrandKit, DocumentSpec, GalleryItem, Inline, StatTile } from './model';

/** Who a brief is printed for: the team (every field) or creators (nothing internal). */
export type BriefCopy = 'team' | 'creator';

/**
 * What only the team sees. The creator copy leaves all of it out: the
 * workflow status, the campaign's internal name, its budget and notes,
 * each creator's fee, and the other creators' names and terms.
 */
export const internalBriefFields = ['status', 'campaign name', 'budget', 'internal notes', 'fees', 'other creators'] as const;

/** One deliverable of one creator's agreed terms (engagement.terms.deliverables). */
export interface BriefDeliverable {
  creatorName: string;
  platform: string;
  format: string;
  quantity: number;
  /** ISO date, or null when no due date was agreed. */
  dueOn: string | null;
  usageRights: string;
  /** The creator's fee as text ("$1,200.00"); internal. */
  fee: string;
}

export interface BriefCampaignTerms {
  startsOn: string | null;
  endsOn: string | null;
  /** The campaign budget as text; internal. */
  budget: string;
  /** The campaign's notes; internal. */
  notes: string;
}

export interface BriefSource {
  title: string;
  copy?: BriefCopy;
  /** For a creator copy meant for one creator: only their deliverables are shown. */
  forCreator?: string;
  /** The internal campaign name. */
  campaignName: string | null;
  statusLabel: string;
  updatedOn: string;
  body: PmNode | null;
  campaign?: BriefCampaignTerms | null;
  deliverables?: BriefDeliverable[];
  /** The mood board: pictures chosen from the library, with a caption each. */
  moodBoard?: Array<{ sha256: string; caption: string }>;
  /** Older callers' pictures to show after the text; they join the mood board. */
  images?: Array<{ sha256: string; caption: string }>;
}

const day = (iso: string | null) => (iso ? formatDay(iso, { locale: 'en-GB', month: 'long', year: 'always' }) || iso : '');
const shortDay = (iso: string) => formatDay(iso, { locale: 'en-GB', month: 'short', year: 'always' }) || iso;
const platformName = (p: string) => platformLabels[p as Platform] ?? p;
/** "reel" → "Reel", "speak in your own words." → "Speak in your own words": table cells read as labels. */
const asLabel = (text: string) => {
  const trimmed = text.trim().replace(/(?<!\.)\.$/, '');
  return trimmed.charAt(0).toLocaleUpperCase('en') + trimmed.slice(1);
};
const cell = (text: string, style: Omit<Inline, 'text'> = {}): Inline[] => [{ text, ...style }];
const heading = (text: string, level: 1 | 2 | 3 = 2): Block => ({ type: 'heading', level, runs: [{ text }] });

/** What a deliverable is, in the middle of a sentence: "reel × 2" ("Instagram reel × 2 due"). */
const what = (d: BriefDeliverable) => `${(d.format.trim() || 'post').toLocaleLowerCase('en')}${d.quantity > 1 ? ` × ${d.quantity}` : ''}`;

/** The deliverables this copy shows: the one creator's, or (for all creators) each kind once, without names. */
function shownDeliverables(src: BriefSource, copy: BriefCopy): BriefDeliverable[] {
  const all = src.deliverables ?? [];
  if (copy === 'team') return all;
  if (src.forCreator) return all.filter((d) => d.creatorName === src.forCreator).map((d) => ({ ...d, creatorName: '', fee: '' }));
  const seen = new Map<string, BriefDeliverable>();
  for (const d of all) {
    const plain = { ...d, creatorName: '', fee: '' };
    const key = JSON.stringify([plain.platform, plain.format, plain.quantity, plain.dueOn, plain.usageRights]);
    if (!seen.has(key)) seen.set(key, plain);
  }
  return [...seen.values()];
}

const byDue = (a: BriefDeliverable, b: BriefDeliverable) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.platform.localeCompare(b.platform) || a.creatorName.localeCompare(b.creatorName);

function deliverablesTable(rows: BriefDeliverable[], copy: BriefCopy): Block {
  const team = copy === 'team';
  // The team reads it creator by creator; a fee is for all of a creator's deliverables, so it is shown once, on their first row.
  const sorted = team ? [...rows].sort((a, b) => a.creatorName.localeCompare(b.creatorName) || byDue(a, b)) : [...rows].sort(byDue);
  return {
    type: 'table',
    columns: [
      ...(team ? [{ header: 'Creator', width: 1.7 }] : []),
      { header: 'Platform', width: 1 }, { header: 'Content', width: team ? 0.9 : 1.3 }, { header: 'Qty', width: 0.6, align: 'right' as const },
      { header: 'Due', width: 1.1 }, { header: 'Usage rights', width: team ? 1.6 : 2.4 },
      ...(team ? [{ header: 'Fee', width: 0.95, align: 'right' as const }] : []),
    ],
    rows: sorted.map((d, i) => {
      const first = !team || i === 0 || sorted[i - 1].creatorName !== d.creatorName;
      return [
        ...(team ? [cell(first ? d.creatorName : '', { bold: true })] : []),
        cell(platformName(d.platform)), cell(asLabel(d.format || 'post')), cell(String(d.quantity)),
        cell(d.dueOn ? shortDay(d.dueOn) : 'To agree'), cell(d.usageRights || 'As in your agreement'),
        ...(team ? [cell(first ? d.fee || '—' : '')] : []),
      ];
    }),
  };
}

/** A creator copy for anyone in the campaign lists every kind of deliverable; each creator's agreement says which are theirs. */
function anyCreatorNote(src: BriefSource, copy: BriefCopy): Block[] {
  if (copy === 'team' || src.forCreator) return [];
  return [{ type: 'paragraph', muted: true, size: 9.5, runs: [{ text: 'What creators in this campaign make. Your agreement says which of these are yours.' }] }];
}

interface KeyDate { on: string; what: string; who: string }

function keyDates(src: BriefSource, rows: BriefDeliverable[]): KeyDate[] {
  const dates: KeyDate[] = [];
  if (src.campaign?.startsOn) dates.push({ on: src.campaign.startsOn, what: 'Campaign starts', who: '' });
  const due = new Map<string, KeyDate & { names: Set<string> }>();
  for (const d of rows) {
    if (!d.dueOn) continue;
    const label = `${platformName(d.platform)} ${what(d)} due`;
    const key = `${d.dueOn}|${label}`;
    const entry = due.get(key) ?? { on: d.dueOn, what: label, who: '', names: new Set<string>() };
    if (d.creatorName) entry.names.add(d.creatorName);
    due.set(key, entry);
  }
  for (const e of due.values()) dates.push({ on: e.on, what: e.what, who: [...e.names].sort().join(', ') });
  if (src.campaign?.endsOn) dates.push({ on: src.campaign.endsOn, what: 'Campaign ends', who: '' });
  return dates.sort((a, b) => a.on.localeCompare(b.on));
}

function keyDatesTable(dates: KeyDate[], copy: BriefCopy): Block {
  const team = copy === 'team';
  return {
    type: 'table',
    columns: [{ header: 'Date', width: 1.2 }, { header: 'What', width: 2.4 }, ...(team ? [{ header: 'Who', width: 2.2 }] : [])],
    rows: dates.map((d) => [cell(day(d.on), { bold: true }), cell(d.what), ...(team ? [cell(d.who || 'Everyone')] : [])]),
  };
}

const isDeliverables = (title: string) => /deliverable|format/i.test(title);
const isKeyDates = (title: string) => /key dates|timeline|dates|deadline/i.test(title);
const isDosAndDonts = (title: string) => /do[’']?s\b.*don[’']?ts?/i.test(title);
const isReferences = (title: string) => /mood|reference|example|inspiration/i.test(title);

function withoutTemplateDates(nodes: PmNode[]): PmNode[] {
  return nodes.flatMap((n) => {
    if (n.type === 'bulletList' || n.type === 'orderedList') {
      const items = (n.content ?? []).filter((item) => !templateDateLine.test(plainText(item).trim()));
      return items.length ? [{ ...n, content: items }] : [];
    }
    return templateDateLine.test(plainText(n).trim()) ? [] : [n];
  });
}

/**
 * The brief as a designed document: the brand's cover, the brief at a
 * glance, the team's text section by section, with the mood board as a
 * gallery, deliverables and key dates as tables from the agreed terms, and
 * do's and don'ts side by side. Refuses (throws, with every prompt named)
 * while any of the template's prompts is still in the text.
 */
export function briefSpec(src: BriefSource, brand: BrandKit): DocumentSpec {
  const prompts = uneditedPrompts(src.body);
  if (prompts.length) throw new Error(promptRefusal(prompts));
  const copy: BriefCopy = src.copy ?? 'team';
  const team = copy === 'team';
  const deliverables = shownDeliverables(src, copy);
  const dates = keyDates(src, deliverables);
  const board: GalleryItem[] = [...(src.moodBoard ?? []), ...(src.images ?? [])].map((img) => ({
    sha256: img.sha256, placeholder: img.caption || 'Picture', lines: img.caption ? [[{ text: img.caption }]] : [],
  }));
  const gallery: Block[] = board.length ? [{ type: 'gallery', items: board, columns: board.length <= 3 ? 3 : board.length === 4 ? 4 : 3 }] : [];

  const blocks: Block[] = [];
  if (team) {
    blocks.push({ type: 'callout', title: 'Team copy: internal', runs: [
      { text: 'This copy shows the status, the campaign’s internal name, the budget, internal notes and every creator’s fee. Send creators the ' },
      { text: 'creator copy', bold: true }, { text: ', which leaves all of these out.' },
    ] });
    if (src.campaign?.notes.trim()) blocks.push({ type: 'callout', title: 'Internal notes', runs: [{ text: src.campaign.notes.trim() }] });
  }
  const tiles = glance(src, deliverables, dates);
  if (tiles.length) blocks.push({ type: 'stats', items: tiles, columns: tiles.length >= 3 ? 3 : 2 });

  let placedBoard = false;
  let placedDeliverables = false;
  let placedDates = false;
  const sections = sectionsOf(src.body);
  for (const s of sections) {
    if (s.heading) blocks.push(...pmToBlocks({ type: 'doc', content: [s.heading] }));
    let nodes = s.nodes;
    if (dates.length && isKeyDates(s.title)) nodes = withoutTemplateDates(nodes);
    // The agreed terms come first, right under their heading; the team's words about them follow.
    if (!placedDeliverables && deliverables.length && isDeliverables(s.title)) {
      blocks.push(...anyCreatorNote(src, copy), deliverablesTable(deliverables, copy));
      placedDeliverables = true;
    }
    if (!placedDates && dates.length && isKeyDates(s.title)) {
      blocks.push(keyDatesTable(dates, copy));
      placedDates = true;
    }
    const dos = isDosAndDonts(s.title) ? readDosAndDonts(nodes) : null;
    if (dos) {
      blocks.push(...pmToBlocks({ type: 'doc', content: dos.intro }));
      blocks.push({ type: 'table', columns: [{ header: 'Do', width: 1 }, { header: 'Don’t', width: 1 }], rows: dosAndDontsRows(dos) });
    } else blocks.push(...pmToBlocks({ type: 'doc', content: nodes }));
    if (!placedBoard && gallery.length && isReferences(s.title)) {
      blocks.push(heading('Mood board', 3), ...gallery);
      placedBoard = true;
    }
  }
  if (!sections.length) blocks.push({ type: 'paragraph', runs: [{ text: 'This brief has no text yet.', italic: true }], muted: true });
  if (!placedBoard && gallery.length) blocks.push(heading('Mood board'), ...gallery);
  if (!placedDeliverables && deliverables.length) blocks.push(heading('Deliverables'), ...anyCreatorNote(src, copy), deliverablesTable(deliverables, copy));
  if (!placedDates && dates.length) blocks.push(heading('Key dates'), keyDatesTable(dates, copy));

  const facts = team
    ? [
      { label: 'Campaign', value: src.campaignName ?? 'Not linked to a campaign' },
      { label: 'Status', value: src.statusLabel },
      ...(src.campaign?.budget ? [{ label: 'Budget', value: src.campaign.budget }] : []),
      { label: 'Last edited', value: src.updatedOn },
    ]
    : [
      { label: 'From', value: brand.name },
      ...(src.forCreator ? [{ label: 'For', value: src.forCreator }] : []),
      { label: 'Issued', value: src.updatedOn },
    ];
  return {
    title: src.title,
    eyebrow: team ? 'Creator brief · Team copy' : 'Creator brief',
    subtitle: team && src.campaignName ? `${brand.name} · ${src.campaignName}` : brand.name,
    facts,
    brand,
    footer: `${brand.name} · Brief · ${src.title}${team ? ' · Team copy, internal' : ''}`,
    subject: `Creator brief: ${src.title}`,
    keywords: ['brief', team ? 'team copy' : 'creator copy'],
    blocks,
  };
}

/** The brief at a glance: where, when the window is, and the first due date. */
function glance(src: BriefSource, deliverables: BriefDeliverable[], dates: KeyDate[]): StatTile[] {
  const tiles: StatTile[] = [];
  const platforms = [...new Set(deliverables.map((d) => platformName(d.platform)))];
  const creators = new Set(deliverables.map((d) => d.creatorName).filter(Boolean)).size;
  const posts = deliverables.reduce((sum, d) => sum + d.quantity, 0);
  const count = src.copy === 'creator' && !src.forCreator ? '' : creators > 1 ? `${posts} posts from ${creators} creators` : `${posts} ${posts === 1 ? 'post' : 'posts'} to make`;
  if (platforms.length) tiles.push({ label: 'Where', value: platforms.join(' · '), lines: count ? [[{ text: count }]] : [] });
  const start = src.campaign?.startsOn;
  const end = src.campaign?.endsOn;
  if (start || end) tiles.push({ label: 'Campaign dates', value: start && end ? `${shortDay(start)} – ${shortDay(end)}` : start ? `from ${shortDay(start)}` : `until ${shortDay(end!)}`, lines: start && end ? [[{ text: `${Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1} days` }]] : [] });
  const firstDue = dates.find((d) => /due$/.test(d.what));
  if (firstDue) tiles.push({ label: 'First due', value: shortDay(firstDue.on), lines: [[{ text: firstDue.what }]] });
  return tiles;
}

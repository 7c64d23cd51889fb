import { formatMoney, type Money } from '../domain/fields';
import type { Block, BrandKit, Inline } from './model';
import { markKeyword, type MarkedSpec } from './pdf-mark';

/**
 * Creator agreements: one template, a library of clauses, and merge fields.
 * A contract record keeps its merge values (documents.mergeValues), so the
 * same PDF can be made again at any time, exactly as it was sent.
 */

export interface ContractDeliverable {
  platform: string;
  format: string;
  quantity: number;
  dueOn: string | null;
  usageRights: string;
}

export interface Clause {
  id: string;
  title: string;
  /** Shown in the clause picker. */
  summary: string;
  /** Always in the contract; the picker shows it ticked and locked. */
  required?: boolean;
  /** Ticked by default when the deal needs it (e.g. exclusivity when the terms have exclusivity days). */
  suggested?: (values: MergeValues) => boolean;
  /** Paragraphs with {{merge.fields}}; blank lines separate paragraphs. */
  body: string;
}

export type MergeValues = Record<string, string>;

/** What a contract calls itself, on its cover and in its mark (see pdf-mark.ts). */
export const CONTRACT_KIND = 'Creator agreement';
/** The merge value holding the contract record's id, written into the PDF so a signed copy can be matched to it. */
export const CONTRACT_ID = 'contract.id';

const platformNames: Record<string, string> = {
  instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', twitch: 'Twitch', pinterest: 'Pinterest',
  linkedin: 'LinkedIn', x: 'X', facebook: 'Facebook', snapchat: 'Snapchat', blog: 'Blog', podcast: 'Podcast',
};

export const platformName = (p: string) => platformNames[p] ?? p.charAt(0).toUpperCase() + p.slice(1);

export const clauseLibrary: Clause[] = [
  {
    id: 'parties', title: 'The parties', required: true, summary: 'Who agrees with whom.',
    body: 'This agreement is between {{brand.legalName}} (“the Brand”) and {{creator.name}} ({{creator.handle}}, “the Creator”), for the campaign “{{campaign.name}}”. It starts on the day both parties have signed it.',
  },
  {
    id: 'deliverables', title: 'What the Creator will make', required: true, summary: 'The deliverables table, with due dates.',
    body: 'The Creator will create and publish the content listed below, following the brief the Brand shares. Content is sent to the Brand for review before it is posted.',
  },
  {
    id: 'timeline', title: 'Timeline', summary: 'Campaign dates, drafts and posting window.', suggested: (v) => !!v['campaign.startsOn'],
    body: 'The campaign runs from {{campaign.startsOn}} to {{campaign.endsOn}}. The Creator sends each draft at least five working days before its due date. The Brand answers within three working days, with at most two rounds of changes per deliverable.',
  },
  {
    id: 'fee', title: 'Fee and payment', required: true, summary: 'The fee, bonus, commission and when it is paid.',
    body: 'The Brand pays the Creator {{fee}} for the deliverables{{bonus.sentence}}{{commission.sentence}}. The Creator invoices after the last deliverable is posted; the Brand pays within {{payment.days}} days of receiving a correct invoice. Prices exclude VAT where it applies.',
  },
  {
    id: 'products', title: 'Products', summary: 'Gifted products and their value.', suggested: (v) => !!v['productValue'],
    body: 'The Brand sends the Creator {{products.phrase}} worth {{productValue}} for use in the content. The Creator may keep them. The products are part of the consideration for this agreement and may need to be declared as income.',
  },
  {
    id: 'usage-rights', title: 'Usage rights', required: true, summary: 'How the Brand may use the content (from the negotiated terms).',
    body: 'The Creator grants the Brand a non-exclusive licence to use the content as follows: {{usageRights}}. Any use beyond this (longer, other channels, paid media not listed) needs the Creator’s written consent and may carry an extra fee. The Creator keeps ownership of the content.',
  },
  {
    id: 'disclosure', title: 'Disclosure', required: true, summary: 'Ads must be clearly labelled (#ad, paid-partnership tools).',
    body: 'Every post must say clearly that it is an advertisement: “#ad” or “Ad” at the start of the caption or on screen, and the platform’s paid-partnership label (Instagram “Paid partnership”, TikTok “Branded content” toggle, YouTube “Includes paid promotion”). This follows the rules of the FTC, the ASA/CAP code and the EU’s Unfair Commercial Practices rules. The Creator only makes claims about the products that the brief allows.',
  },
  {
    id: 'exclusivity', title: 'Exclusivity', summary: 'No competing brands for a period.', suggested: (v) => !!v['exclusivity.days'] && v['exclusivity.days'] !== '0',
    body: 'For {{exclusivity.days}} days from the first post, the Creator will not publish paid content for a direct competitor of the Brand in the same product category{{exclusivity.competitors}}. Content already agreed with others before this agreement is not affected.',
  },
  {
    id: 'approval', title: 'Review and approval', summary: 'Drafts are approved before posting.', suggested: () => true,
    body: 'The Brand reviews each draft for accuracy and compliance. Approval is not unreasonably withheld. The Creator keeps posted content live for at least 90 days and does not edit it in ways that change its meaning without telling the Brand.',
  },
  {
    id: 'termination', title: 'Ending the agreement', required: true, summary: 'How either side can end it.',
    body: 'Either party may end this agreement in writing if the other seriously breaks it and does not put it right within ten days of being asked to. If the Brand ends it for another reason, it pays for the work already delivered. If the Creator’s conduct seriously harms the Brand’s reputation, the Brand may end it at once and ask for posted content to be removed.',
  },
  {
    id: 'confidentiality', title: 'Confidentiality', summary: 'Launch dates and fees stay private.', suggested: () => true,
    body: 'Both parties keep the terms of this agreement and unreleased product information confidential until the Brand makes it public.',
  },
  {
    id: 'law', title: 'Governing law', summary: 'Which law applies.', suggested: () => true,
    body: 'This agreement is governed by the laws of {{governingLaw}}.',
  },
];

export const defaultClauseIds = (values: MergeValues) =>
  clauseLibrary.filter((c) => c.required || c.suggested?.(values)).map((c) => c.id);

const FIELD = /\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g;

/** Merge fields a clause needs that have no value. */
export function missingMergeFields(clauseIds: string[], values: MergeValues): string[] {
  const missing = new Set<string>();
  for (const clause of clauseLibrary.filter((c) => clauseIds.includes(c.id))) {
    for (const m of clause.body.matchAll(FIELD)) if (!(m[1] in values)) missing.add(m[1]);
  }
  return [...missing];
}

export function mergeText(template: string, values: MergeValues): string {
  return template.replace(FIELD, (_, key: string) => values[key] ?? `[${key}]`);
}

function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

export interface ContractSource {
  brand: BrandKit;
  /** The brand's legal name; the brand kit's name when not set. */
  brandLegalName?: string;
  creator: { name: string; handle: string; email: string; address: string };
  campaign: { name: string; startsOn: string | null; endsOn: string | null };
  terms: {
    fee: Money | null;
    bonus: Money | null;
    productValue: Money | null;
    commissionPercent: number | null;
    exclusivityDays: number | null;
    deliverables: ContractDeliverable[];
  } | null;
  paymentDays?: number;
  governingLaw?: string;
  competitors?: string;
  issuedOn: string;
}

/** The merge values of one contract: everything the template needs, as text. */
export function contractMergeValues(src: ContractSource): MergeValues {
  const terms = src.terms;
  const deliverables = terms?.deliverables ?? [];
  const rights = [...new Set(deliverables.map((d) => d.usageRights.trim()).filter(Boolean))];
  return {
    'brand.name': src.brand.name,
    'brand.legalName': src.brandLegalName?.trim() || src.brand.name,
    'creator.name': src.creator.name,
    'creator.handle': src.creator.handle || 'no handle given',
    'creator.email': src.creator.email,
    'creator.address': src.creator.address,
    'campaign.name': src.campaign.name,
    'campaign.startsOn': formatDate(src.campaign.startsOn) || 'the start date the Brand confirms',
    'campaign.endsOn': formatDate(src.campaign.endsOn) || 'the end date the Brand confirms',
    fee: terms?.fee ? formatMoney(terms.fee) : 'the fee the parties agree in writing',
    'bonus.sentence': terms?.bonus ? `, plus a bonus of ${formatMoney(terms.bonus)} when the agreed targets are met` : '',
    'commission.sentence': terms?.commissionPercent ? `, and a commission of ${terms.commissionPercent}% of sales made through the Creator’s code or link` : '',
    productValue: terms?.productValue ? formatMoney(terms.productValue) : '',
    'payment.days': String(src.paymentDays ?? 30),
    usageRights: rights.length ? rights.join('; ') : 'organic reposting on the Brand’s own channels for 12 months, with credit to the Creator',
    'exclusivity.days': terms?.exclusivityDays ? String(terms.exclusivityDays) : '0',
    'exclusivity.competitors': src.competitors?.trim() ? ` (in particular: ${src.competitors.trim()})` : '',
    governingLaw: src.governingLaw?.trim() || 'England and Wales',
    issuedOn: formatDate(src.issuedOn),
    deliverables: JSON.stringify(deliverables),
  };
}

function readDeliverables(values: MergeValues): ContractDeliverable[] {
  try {
    const parsed = JSON.parse(values.deliverables ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as ContractDeliverable[]) : [];
  } catch {
    return [];
  }
}

const paragraphsOf = (text: string): Block[] =>
  text.split(/\n\s*\n/).map((p) => ({ type: 'paragraph' as const, runs: [{ text: p.trim() }] }));

/** The contract as a document: numbered clauses, the deliverables table, and signature fields. */
export function contractSpec(values: MergeValues, clauseIds: string[], brand: BrandKit, title?: string): MarkedSpec {
  const chosen = clauseLibrary.filter((c) => c.required || clauseIds.includes(c.id));
  const blocks: Block[] = [];
  chosen.forEach((clause, i) => {
    blocks.push({ type: 'heading', level: 2, runs: [{ text: `${i + 1}. ${clause.title}` }] });
    blocks.push(...paragraphsOf(mergeText(clause.body, values)));
    if (clause.id === 'deliverables') {
      const rows = readDeliverables(values);
      const cell = (text: string): Inline[] => [{ text }];
      blocks.push({
        type: 'table',
        columns: [{ header: 'Platform', width: 1.1 }, { header: 'Content', width: 1.3 }, { header: 'Qty', width: 0.5, align: 'right' }, { header: 'Due', width: 1.2 }, { header: 'Usage rights', width: 2.6 }],
        rows: rows.length
          ? rows.map((d) => [cell(platformName(d.platform)), cell(d.format), cell(String(d.quantity)), cell(formatDate(d.dueOn) || 'To agree'), cell(d.usageRights || 'As in clause “Usage rights”')])
          : [[cell('To agree'), cell('As in the brief'), cell('1'), cell('To agree'), cell('As in clause “Usage rights”')]],
      });
    }
  });
  const id = values[CONTRACT_ID]?.trim() ?? '';
  blocks.push({ type: 'heading', level: 2, runs: [{ text: `${chosen.length + 1}. Signatures` }] });
  blocks.push({ type: 'paragraph', runs: [{ text: 'Sign in the boxes below (any PDF reader can fill them in), or print, sign and scan. Send the signed copy back to the Brand.' }], muted: true, size: 9.5 });
  blocks.push({ type: 'signatures', parties: [
    { role: 'The Creator', name: values['creator.name'] ?? '', field: 'creator' },
    { role: 'For the Brand', name: values['brand.legalName'] ?? brand.name, field: 'brand' },
  ] });
  return {
    title: title ?? `Creator agreement – ${values['creator.name']}`,
    eyebrow: CONTRACT_KIND,
    subtitle: `${values['brand.name']} × ${values['creator.name']} · ${values['campaign.name']}`,
    facts: [
      { label: 'Creator', value: `${values['creator.name']}${values['creator.handle'] && values['creator.handle'] !== 'no handle given' ? ` · ${values['creator.handle']}` : ''}` },
      { label: 'Campaign', value: values['campaign.name'] ?? '' },
      { label: 'Fee', value: values.fee ?? '' },
    ],
    brand,
    footer: `${values['brand.legalName'] ?? brand.name} · Creator agreement · issued ${values.issuedOn ?? ''}`,
    subject: `Agreement with ${values['creator.name']} for ${values['campaign.name']}`,
    keywords: ['contract', values['campaign.name'] ?? '', values['creator.name'] ?? '', ...(id ? [markKeyword(id)] : [])],
    blocks,
    mark: { kind: CONTRACT_KIND, id: id || undefined, for: values['creator.name'] ?? '' },
  };
}

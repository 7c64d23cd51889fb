/**
 * Merge fields in message templates (outreach emails, DMs, follow-ups,
 * shipping notices, contracts): `{{first_name}}` and the like.
 *
 * A template is rendered into segments rather than a string, so a preview can
 * show each merged value (and each missing one) in place, and sending can be
 * refused while anything is missing: a creator must never receive "Hi ," or
 * a raw "{{code}}".
 */
export interface MergeFieldInfo {
  key: string;
  label: string;
  example: string;
}

/** The fields every template may use; an area can offer more (see `renderTemplate`'s `known`). */
export const mergeFieldCatalogue: readonly MergeFieldInfo[] = [
  { key: 'first_name', label: 'Creator first name', example: 'Alena' },
  { key: 'creator_name', label: 'Creator full name', example: 'Alena Novak' },
  { key: 'handle', label: 'Creator handle', example: '@alena.makes' },
  { key: 'campaign', label: 'Campaign name', example: 'Spring glow' },
  { key: 'product', label: 'Product', example: 'Glow serum 30 ml' },
  { key: 'start_date', label: 'Campaign start', example: '1 Mar 2027' },
  { key: 'end_date', label: 'Campaign end', example: '31 Mar 2027' },
  { key: 'due_date', label: 'First deliverable due', example: '15 Mar 2027' },
  { key: 'fee', label: 'Fee offered', example: '$500.00' },
  { key: 'budget', label: 'Campaign budget', example: '$20,000.00' },
  { key: 'link', label: 'Tracked link', example: 'https://brand.com/?utm_source=instagram' },
  { key: 'code', label: 'Discount code', example: 'ALENA15' },
  { key: 'sender_name', label: 'Your name', example: 'Sam Lee' },
  { key: 'brand', label: 'Brand (workspace) name', example: 'Lumen Skin' },
  { key: 'opt_in_link', label: 'Opt-in form link', example: 'https://…' },
  { key: 'tracking_number', label: 'Tracking number', example: '1Z999AA10123456784' },
  { key: 'tracking_link', label: 'Tracking link', example: 'https://…' },
  { key: 'carrier', label: 'Carrier', example: 'UPS' },
];

export type MergeValues = Readonly<Record<string, string | null | undefined>>;

export type TemplateSegment =
  | { kind: 'text'; text: string }
  | { kind: 'field'; key: string; value: string }
  | { kind: 'missing'; key: string }
  /** A field name that no template may use (a typo such as `{{frist_name}}`). */
  | { kind: 'unknown'; key: string; raw: string };

export interface RenderedTemplate {
  segments: TemplateSegment[];
  /** The text as it would be sent; only meaningful when `ready`. */
  text: string;
  missing: string[];
  unknown: string[];
  ready: boolean;
}

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const knownKeys = new Set(mergeFieldCatalogue.map((f) => f.key));

export function normalizeFieldKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function renderTemplate(template: string, values: MergeValues, known: ReadonlySet<string> = knownKeys): RenderedTemplate {
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const match of template.matchAll(FIELD)) {
    if (match.index > last) segments.push({ kind: 'text', text: template.slice(last, match.index) });
    const key = normalizeFieldKey(match[1]);
    const value = values[key]?.trim();
    if (!known.has(key) && !(key in values)) segments.push({ kind: 'unknown', key, raw: match[0] });
    else if (value) segments.push({ kind: 'field', key, value });
    else segments.push({ kind: 'missing', key });
    last = match.index + match[0].length;
  }
  if (last < template.length) segments.push({ kind: 'text', text: template.slice(last) });
  const missing = unique(segments.flatMap((s) => (s.kind === 'missing' ? [s.key] : [])));
  const unknown = unique(segments.flatMap((s) => (s.kind === 'unknown' ? [s.key] : [])));
  const text = segments.map((s) => (s.kind === 'text' ? s.text : s.kind === 'field' ? s.value : '')).join('');
  return { segments, text, missing, unknown, ready: missing.length === 0 && unknown.length === 0 };
}

/** The keys a template uses, in order of first use. */
export function fieldsUsed(template: string): string[] {
  return unique([...template.matchAll(FIELD)].map((m) => normalizeFieldKey(m[1])));
}

export function fieldLabel(key: string): string {
  return mergeFieldCatalogue.find((f) => f.key === key)?.label ?? key.replace(/_/g, ' ');
}

/** "Missing: discount code, tracked link" — for a row in a batch or a disabled Send button. */
export function describeProblems(rendered: Pick<RenderedTemplate, 'missing' | 'unknown'>): string | null {
  const parts: string[] = [];
  if (rendered.missing.length) parts.push(`Missing ${rendered.missing.map(fieldLabel).map((l) => l.toLowerCase()).join(', ')}`);
  if (rendered.unknown.length) parts.push(`Unknown field ${rendered.unknown.map((k) => `{{${k}}}`).join(', ')}`);
  return parts.length ? parts.join(' · ') : null;
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}

import type { Block, BrandKit, DocumentSpec } from './model';
import { MARK_FIELD } from './pdf-mark';

/**
 * The opt-in form a creator fills in before products ship: address, sizes,
 * product choices and agreement, as fields any PDF reader can fill. Field
 * names are stable, so a returned form reads back into an object.
 */

export interface OptInFormSource {
  campaignName: string;
  creatorName: string;
  creatorEmail: string;
  /** Questions about sizes: a stable key and the label the creator sees. */
  sizeQuestions: Array<{ key: string; label: string }>;
  products: Array<{ id: string; name: string; options: string }>;
  /** What the creator agrees to, in one sentence or two. */
  agreement: string;
  returnBy: string;
  returnTo: string;
}

export interface OptInAnswers {
  name: string;
  email: string;
  phone: string;
  address: { line1: string; line2: string; city: string; region: string; postalCode: string; country: string };
  sizes: Record<string, string>;
  productIds: string[];
  notes: string;
  agreed: boolean;
  signedName: string;
  signedOn: string;
  /** Filled-in fields this reader has no place for (a form from a newer Fanfare, a field a reader added), by name. */
  other: Record<string, string>;
}

/** Fields read by name; size.*, product.* and the document mark are read by prefix. */
const knownFields = new Set(['creator.name', 'creator.email', 'creator.phone', 'address.line1', 'address.line2', 'address.city', 'address.region', 'address.postalCode', 'address.country', 'notes', 'agree', 'signature.name', 'signature.date']);
const knownPrefix = /^(size|product)\./;

/**
 * How many one-line product rows fit on the first page under the title and
 * the greeting (measured with render-pdf's layout, with room for a greeting
 * of four lines), and on a page of its own.
 */
const FIRST_PAGE_ROWS = 18;
const FULL_PAGE_ROWS = 27;
/** Characters of a checkbox label that fit on one line of the page width. */
const LINE_CHARS = 85;

/**
 * The product list is never cut by a page end (a creator ticks products from
 * one list; a list split across pages reads as two offers). A list that fits
 * under the greeting comes first; a longer one gets the top of the second
 * page, after the creator's details. Only a list longer than a page splits.
 */
function productPlacement(products: OptInFormSource['products']): { first: Block[]; ownPage: Block[] } {
  if (!products.length) return { first: [], ownPage: [] };
  const labels = products.map((p) => (p.options ? `${p.name} (${p.options})` : p.name));
  const rows = labels.reduce((n, label) => n + Math.ceil(label.length / LINE_CHARS), 0);
  const list: Block[] = [
    { type: 'heading', level: 2, runs: [{ text: 'Which products would you like?' }] },
    ...products.map((p, i): Block => ({ type: 'checkbox', field: `product.${p.id}`, label: labels[i] })),
  ];
  if (rows > FIRST_PAGE_ROWS && rows <= FULL_PAGE_ROWS) return { first: [], ownPage: [{ type: 'page-break' }, ...list] };
  return { first: list, ownPage: [] };
}

export function optInFormSpec(src: OptInFormSource, brand: BrandKit): DocumentSpec {
  const placement = productPlacement(src.products);
  const blocks: Block[] = [
    { type: 'paragraph', runs: [{ text: `Hi ${src.creatorName || 'there'}, thank you for joining ` }, { text: src.campaignName, bold: true }, { text: '! Fill in this form in any PDF reader (or print it), save it and send it back' }, ...(src.returnTo ? [{ text: ` to ${src.returnTo}` }] : []), ...(src.returnBy ? [{ text: ' by ' }, { text: src.returnBy, bold: true }] : []), { text: '. We only use these details to send your products.' }] },
    ...placement.first,
    { type: 'heading', level: 2, runs: [{ text: 'About you' }] },
    { type: 'field-row', fields: [{ field: 'creator.name', label: 'Full name', value: src.creatorName }, { field: 'creator.email', label: 'Email', value: src.creatorEmail }] },
    { type: 'field-row', fields: [{ field: 'creator.phone', label: 'Phone (for the courier)' }] },
    { type: 'heading', level: 2, runs: [{ text: 'Shipping address' }] },
    { type: 'text-field', field: 'address.line1', label: 'Street and number' },
    { type: 'text-field', field: 'address.line2', label: 'Flat, floor, building', hint: '(optional)' },
    { type: 'field-row', fields: [{ field: 'address.postalCode', label: 'Postcode' }, { field: 'address.city', label: 'City' }, { field: 'address.region', label: 'Region or state' }] },
    { type: 'field-row', fields: [{ field: 'address.country', label: 'Country' }] },
  ];
  if (src.sizeQuestions.length) {
    blocks.push({ type: 'heading', level: 2, runs: [{ text: 'Your sizes' }] });
    for (let i = 0; i < src.sizeQuestions.length; i += 3) {
      blocks.push({ type: 'field-row', fields: src.sizeQuestions.slice(i, i + 3).map((q) => ({ field: `size.${q.key}`, label: q.label })) });
    }
  }
  blocks.push(
    ...placement.ownPage,
    { type: 'text-field', field: 'notes', label: 'Anything we should know?', hint: '(allergies, skin type, delivery times…)', lines: 3 },
    { type: 'heading', level: 2, runs: [{ text: 'Agreement' }] },
    { type: 'checkbox', field: 'agree', label: src.agreement },
    { type: 'field-row', fields: [{ field: 'signature.name', label: 'Your name' }, { field: 'signature.date', label: 'Date' }] },
  );
  return {
    title: `Opt-in form – ${src.campaignName}`,
    eyebrow: 'Opt-in form',
    subtitle: src.creatorName ? `${brand.name} · for ${src.creatorName}` : brand.name,
    brand,
    footer: `${brand.name} · ${src.campaignName} · Opt-in form`,
    subject: `Opt-in form for ${src.campaignName}`,
    blocks,
  };
}

/** Reads a returned opt-in form's field values (see readFormFields) into answers. Unknown filled-in fields are kept in `other`. */
export function readOptInAnswers(fields: Record<string, string | boolean>): OptInAnswers {
  const text = (name: string) => {
    const v = fields[name];
    return typeof v === 'string' ? v.trim() : '';
  };
  const sizes: Record<string, string> = {};
  const productIds: string[] = [];
  const other: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!knownFields.has(name) && !knownPrefix.test(name) && name !== MARK_FIELD && value !== false && String(value).trim()) other[name] = value === true ? 'ticked' : String(value).trim();
    if (name.startsWith('size.') && typeof value === 'string' && value.trim()) sizes[name.slice(5)] = value.trim();
    if (name.startsWith('product.') && value === true) productIds.push(name.slice(8));
  }
  return {
    name: text('creator.name'),
    email: text('creator.email'),
    phone: text('creator.phone'),
    address: { line1: text('address.line1'), line2: text('address.line2'), city: text('address.city'), region: text('address.region'), postalCode: text('address.postalCode'), country: text('address.country') },
    sizes,
    productIds,
    notes: text('notes'),
    agreed: fields.agree === true,
    signedName: text('signature.name'),
    signedOn: text('signature.date'),
    other,
  };
}

import type { OptInAnswers } from '../documents/opt-in-form';
import type { StoreOperation } from '../data/store';
import { countryCode } from '../import/places';
import { activityRecord } from './activities';
import type { OptInDetails } from './campaign-roster';
import { emailAddress, type Address, type EmailEntry } from './fields';

export interface OptInFromForm {
  address: Partial<Address>;
  sizes: Record<string, string>;
  products: string[];
  agreed: boolean;
  /** The phone they gave for the courier ('' when left empty). */
  phone: string;
  /** The email they wrote, when it is one ('' when left empty or not an address). */
  email: string;
  /** Their own words from "Anything we should know?". */
  creatorNotes: string;
  /** What could not be used as it was, in words, to review ("Country “Narnia” is not one we know"). */
  review: string[];
  /**
   * Every answer as they wrote it, one line each. Saved with the opt-in on
   * the creator's timeline, so nothing read is lost even where it could not
   * be used as it was (an unknown country, a product no longer sold, a field
   * from a newer form).
   */
  transcript: string[];
  /** Filled-in fields with no place in the record (see OptInAnswers.other); also in review and transcript. */
  unplaced: Array<{ field: string; value: string }>;
}

/** "shoe-size-eu" → "Shoe size eu": the form's size keys, as the opt-in shows them. */
export const sizeLabel = (key: string) => {
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const addressLabels: Record<keyof OptInAnswers['address'], string> = {
  line1: 'Street', line2: 'Flat, floor, building', postalCode: 'Postcode', city: 'City', region: 'Region', country: 'Country',
};

/**
 * A creator's returned opt-in form, as the opt-in on a call would hold it:
 * only what they filled in (an empty answer never wipes what the team
 * already knows), the country as a code, products by name, and every
 * answer as written for the timeline.
 */
export function optInFromForm(answers: OptInAnswers, productNames: ReadonlyMap<string, string>): OptInFromForm {
  const review: string[] = [];
  const transcript: string[] = [];
  const line = (label: string, value: string) => value && transcript.push(`${label}: ${value}`);
  const address: Partial<Address> = {};
  const recipient = answers.signedName || answers.name;
  if (recipient) address.name = recipient;
  const email = emailAddress.safeParse(answers.email);
  if (answers.email && !email.success) review.push(`Email “${answers.email}” is not an email address: it is kept in the timeline note.`);
  line('Name', answers.name);
  line('Email', answers.email);
  line('Phone', answers.phone);
  for (const key of ['line1', 'line2', 'postalCode', 'city', 'region'] as const) {
    if (answers.address[key]) address[key] = answers.address[key];
    line(addressLabels[key], answers.address[key]);
  }
  if (answers.address.country) {
    line('Country', answers.address.country);
    const code = countryCode(answers.address.country);
    if (code) address.country = code;
    else review.push(`Country “${answers.address.country}” is not one we know: choose it from the list.`);
  }
  const sizes = Object.fromEntries(Object.entries(answers.sizes).map(([key, value]) => [sizeLabel(key), value]));
  for (const [label, value] of Object.entries(sizes)) line(`Size (${label})`, value);
  const products: string[] = [];
  for (const id of answers.productIds) {
    const name = productNames.get(id);
    if (name) products.push(name);
    else review.push(`A product they ticked is no longer in the catalogue (${id}).`);
    line('Product', name ?? id);
  }
  line('Notes', answers.notes);
  if (answers.agreed) transcript.push('Agreed to the terms: yes');
  line('Signed as', answers.signedName);
  line('Dated', answers.signedOn);
  const unplaced = Object.entries(answers.other).map(([field, value]) => ({ field, value }));
  for (const { field, value } of unplaced) {
    review.push(`The form has a field “${field}” (“${value}”) that Fanfare has no place for: it is kept in the timeline note.`);
    line(field, value);
  }
  return { address, sizes, products, agreed: answers.agreed, phone: answers.phone, email: email.success ? email.data : '', creatorNotes: answers.notes, review, transcript, unplaced };
}

export interface OptInSave {
  creatorId: string;
  engagementId: string;
  campaignId: string;
  creatorName: string;
  /** The address as the person left it in the form; null when every line is empty. */
  address: Address | null;
  optIn: OptInDetails;
  /** What is still missing, in words (the title of the timeline line). */
  gaps: string[];
  /** The creator's phone, when it was edited or read from the form; null leaves it as it is. */
  phone: string | null;
  /** Their emails now, and one to add (read from the form and not on the record yet). */
  emails: EmailEntry[];
  addEmail: string | null;
  /** Their own words ("Sensitive skin, no fragrance please"): a note of its own on their timeline. */
  creatorNotes: string;
  /** The returned form, when one was read: its name and every answer as written. */
  fromForm: { fileName: string; transcript: string[] } | null;
  /** The engagement's reply date; null (not yet replied) makes this opt-in their reply. Left out, it is not touched. */
  repliedAt?: string | null;
  actor: { id: string | null; name: string | null };
  now: string;
  newId: () => string;
}

/**
 * Saving an opt-in: the address, phone and emails on the creator, the
 * details on the engagement, and the timeline lines, as one change (one Undo).
 */
export function optInSaveWrites(s: OptInSave): StoreOperation[] {
  const creatorPatch: Record<string, unknown> = { shippingAddress: s.address };
  if (s.phone !== null) creatorPatch.phone = s.phone.trim();
  const adding = s.addEmail?.trim().toLowerCase() ?? '';
  if (adding && !s.emails.some((e) => e.address.toLowerCase() === adding)) {
    creatorPatch.emails = [...s.emails, { address: adding, primary: s.emails.length === 0 }];
  }
  const activity = (title: string, body: string) => activityRecord({
    kind: 'note', title, body, at: s.now, actorId: s.actor.id, creatorId: s.creatorId, campaignId: s.campaignId, engagementId: s.engagementId, data: { byName: s.actor.name },
  }, s.newId());
  const writes: StoreOperation[] = [
    { kind: 'update', collection: 'creators', id: s.creatorId, patch: creatorPatch },
    // An opt-in is an answer: without this the creator stayed in "hasn't replied" with a complete opt-in.
    { kind: 'update', collection: 'engagements', id: s.engagementId, patch: { optIn: s.optIn, ...(s.repliedAt === null ? { repliedAt: s.now } : {}) } },
    activity(
      s.gaps.length ? `Opt-in details taken (still missing: ${s.gaps.map((g) => g.toLowerCase()).join(', ')})` : 'Opt-in complete',
      // One line: the timeline shows a body as running text.
      s.fromForm ? `From their returned form (${s.fromForm.fileName}): ${s.fromForm.transcript.join(' · ')}` : '',
    ),
  ];
  if (s.creatorNotes.trim()) writes.push(activity(`Note from ${s.creatorName || 'the creator'}’s opt-in`, s.creatorNotes.trim()));
  return writes;
}

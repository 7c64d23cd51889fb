import type { OptInAnswers } from '../documents/opt-in-form';
import { countryCode } from '../import/places';
import type { Address } from './fields';

export interface OptInFromForm {
  address: Partial<Address>;
  sizes: Record<string, string>;
  products: string[];
  agreed: boolean;
  /** What could not be used as it was, in words ("Country “Narnia” is not one we know"). */
  notes: string[];
}

const title = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/**
 * A creator's returned opt-in form, as the opt-in on a call would hold it:
 * only what they filled in (an empty answer never wipes what the team
 * already knows), the country as a code, products by name.
 */
export function optInFromForm(answers: OptInAnswers, productNames: ReadonlyMap<string, string>): OptInFromForm {
  const notes: string[] = [];
  const address: Partial<Address> = {};
  const recipient = answers.signedName || answers.name;
  if (recipient) address.name = recipient;
  for (const key of ['line1', 'line2', 'city', 'region', 'postalCode'] as const) if (answers.address[key]) address[key] = answers.address[key];
  if (answers.address.country) {
    const code = countryCode(answers.address.country);
    if (code) address.country = code;
    else notes.push(`Country “${answers.address.country}” is not one we know: choose it from the list.`);
  }
  const sizes = Object.fromEntries(Object.entries(answers.sizes).map(([key, value]) => [title(key), value]));
  const products: string[] = [];
  for (const id of answers.productIds) {
    const name = productNames.get(id);
    if (name) products.push(name);
    else notes.push('A product they ticked is no longer in the catalogue.');
  }
  return { address, sizes, products, agreed: answers.agreed, notes };
}

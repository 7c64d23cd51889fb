import type { z } from 'zod';
import type { FieldErrors } from './errors';

/** Turns zod issues into one readable message per field path ("accounts.0.handle"). */
export function fieldErrorsFrom(error: Pick<z.ZodError, 'issues'>): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    if (!fields[key]) fields[key] = issue.message;
  }
  return fields;
}

export function describeFieldErrors(fields: FieldErrors): string {
  return Object.entries(fields)
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
    .join('; ');
}

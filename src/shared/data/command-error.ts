import type { FieldErrors } from '../api/errors';

/** A command refused: `fields` says which field and why, for the form that sent it. */
export class CommandError extends Error {
  readonly code: 'invalid' | 'not-found';
  readonly fields: FieldErrors;

  constructor(code: 'invalid' | 'not-found', message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.fields = fields;
  }
}

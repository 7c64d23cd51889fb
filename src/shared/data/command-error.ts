import type { FieldErrors } from '../api/errors';

/**
 * What kind of refusal, for code that reacts to one: `exists` is a create
 * whose id is taken (a teammate's laptop raised the same reminder first).
 */
export type CommandErrorCode = 'invalid' | 'not-found' | 'exists';

/** A command refused: `fields` says which field and why, for the form that sent it. */
export class CommandError extends Error {
  readonly code: CommandErrorCode;
  readonly fields: FieldErrors;

  constructor(code: CommandErrorCode, message: string, fields: FieldErrors = {}) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.fields = fields;
  }
}

/** True for a command refused with this code, also after it crossed from the engine's worker. */
export function isCommandError(error: unknown, code: CommandErrorCode): error is CommandError {
  return error instanceof CommandError && error.code === code;
}

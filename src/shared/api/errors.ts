/**
 * Errors that cross the host boundary. `message` is written for the person
 * using the app; `code` is for code that wants to react to a kind of failure.
 */
export type HostErrorCode =
  | 'unknown-method'
  | 'invalid-input'
  | 'not-available'
  | 'cancelled'
  | 'unauthorized'
  | 'forbidden'
  /** The team server cannot be reached or cannot answer now: try again later. */
  | 'unreachable'
  | 'not-found'
  | 'too-large'
  /** Bytes did not match their SHA-256 on the way: try again. */
  | 'damaged'
  | 'internal';

export type FieldErrors = Record<string, string>;

export interface HostErrorShape {
  code: HostErrorCode;
  message: string;
  fields?: FieldErrors;
}

export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly fields?: FieldErrors;

  constructor(code: HostErrorCode, message: string, fields?: FieldErrors) {
    super(message);
    this.name = 'HostError';
    this.code = code;
    this.fields = fields;
  }

  toJSON(): HostErrorShape {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }

  static from(shape: HostErrorShape): HostError {
    return new HostError(shape.code, shape.message, shape.fields);
  }
}

export function isHostErrorShape(value: unknown): value is HostErrorShape {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as HostErrorShape).code === 'string' &&
    typeof (value as HostErrorShape).message === 'string'
  );
}

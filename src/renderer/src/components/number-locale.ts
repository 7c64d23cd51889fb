import { readNumber, readNumbers, type NumberRead, type NumberSpec } from '../../../shared/domain/number-reader';
import { CommandError } from '../../../shared/data/command-error';

/**
 * The person's locale decides the one spelling that is otherwise ambiguous:
 * "1,234" is 1234 in the US and 1.234 in Germany.
 */
export function numberLocale(): string | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

export function readTyped(text: string, spec: NumberSpec): NumberRead {
  return readNumber(text, spec, numberLocale());
}

/**
 * Reads a form's number fields, or throws a CommandError naming each field
 * that cannot be stored and why: forms already show a CommandError's fields
 * under their inputs, so a refused number looks like any other refusal.
 */
export function numbersOrThrow<K extends string>(entries: Record<K, { text: string; spec: NumberSpec }>): Record<K, number | null> {
  const read = readNumbers(entries, numberLocale());
  if (!read.ok) {
    const fields = read.errors as Record<string, string>;
    throw new CommandError('invalid', Object.values(fields)[0] ?? 'A number cannot be read', fields);
  }
  return read.values;
}

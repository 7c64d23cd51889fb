import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { shown, type NumberSpec } from '../../../shared/domain/number-reader';
import { numberLocale, readTyped } from './number-locale';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'error' | 'description'> & {
  spec: NumberSpec;
  /** The text as typed: kept as it is, so nothing the person wrote is rewritten under them. */
  value: string;
  onChange: (text: string) => void;
  /** A refusal from saving (a command's field error); the field's own reading comes first. */
  error?: string;
  /** Shown under the field when there is nothing to echo. */
  hint?: string;
};

/**
 * Every number a person types goes through here: it reads "48.2K", "1,234",
 * "1.234,5", "12%" with the app's one reader, says what it understood
 * ("= 48,200") as they type, and shows why a value cannot be stored under the
 * field. It never clamps or rounds (Mantine's NumberInput turned "48.2K"
 * into 48 and -500 into 0 without a word).
 */
export function NumberField({ spec, value, onChange, error, hint, onBlur, ...rest }: Props) {
  const [touched, setTouched] = useState(false);
  // A refusal from saving belongs to the text that was saved: once the person changes it, it is out of date.
  const [refused, setRefused] = useState({ error, text: value });
  if (refused.error !== error) setRefused({ error, text: value });
  const outside = error && refused.text === value ? error : undefined;
  const read = readTyped(value, spec);
  const echo = read.ok && read.value != null ? echoFor(value, read.value, spec) : null;
  // A reason shows once the person pauses on it (blur) or has typed something that is already wrong.
  const own = !read.ok && (touched || !couldStillBecomeValid(value)) ? read.reason : undefined;
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={(e) => { setTouched(true); onBlur?.(e); }}
      description={echo ?? hint}
      error={own ?? outside}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}

/** "= 48,200" when what was typed is not already plainly that number. */
function echoFor(text: string, value: number, spec: NumberSpec): string | null {
  const plain = shown(value, spec, numberLocale());
  const typed = text.trim();
  if (typed === plain || typed === String(value) || (spec.unit && typed === `${value}`)) return null;
  return `= ${plain}`;
}

/** A half-typed value ("-", "1,", "12.") is not shouted at before the person is done. */
function couldStillBecomeValid(text: string): boolean {
  return /^[-+]?$|[.,]$/.test(text.trim());
}

import { useEffect, useState } from 'react';
import type { NumberSpec } from '../../../../shared/domain/number-reader';
import { typedText } from '../../../../shared/domain/number-reader';
import { NumberField } from '../../components/number-field';
import { numberLocale, readTyped } from '../../components/number-locale';

type Props = { label: string; spec: NumberSpec; value: number | null; onChange: (value: number | null) => void; placeholder?: string; w?: number; hint?: string;
  /** Emptying it does not mean 0: the field says the last value stays in use. */
  required?: boolean };

/**
 * A report setting typed as text and read by the app's one number reader.
 * The report takes a value only once it reads; until then the field says why
 * it cannot, and the report keeps the last value that did (shown in the hint).
 */
export function ReportNumberField({ label, spec, value, onChange, placeholder, w, hint, required }: Props) {
  const [text, setText] = useState(() => typedText(value, spec, numberLocale()));
  // A saved view opened, or the value reset elsewhere: show it, unless the text already says it.
  useEffect(() => {
    const read = readTyped(text, spec);
    if (!read.ok || read.value !== value) setText(typedText(value, spec, numberLocale()));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only an outside change of the value resets the text
  }, [value]);
  const change = (next: string) => {
    setText(next);
    const read = readTyped(next, spec);
    if (read.ok) onChange(read.value);
  };
  const read = readTyped(text, spec);
  const missing = required && read.ok && read.value == null ? `Type a rate; ${value == null ? 'none' : typedText(value, spec, numberLocale())} is used until then.` : undefined;
  return <NumberField size="xs" label={label} spec={spec} value={text} onChange={change} placeholder={placeholder} w={w} hint={hint} error={missing} />;
}

import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';

interface Props {
  label: string;
  placeholder: string;
  value: number | null;
  parse(text: string): number | null;
  format(value: number): string;
  onChange(value: number | null): void;
  /** Told when the text stops or starts being a number, so the range can say what to type. */
  onInvalid?(invalid: boolean): void;
  /** The element that says what is wrong, for screen readers. */
  errorId?: string;
}

/**
 * One end of a range, typed the way people write numbers ("10k", "3.5%").
 * The list follows each valid keystroke; a half-typed value is marked and
 * left alone rather than filtering on nonsense.
 */
export function BoundInput({ label, placeholder, value, parse, format, onChange, onInvalid, errorId }: Props) {
  const [draft, setDraft] = useState(value === null ? '' : format(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // Changed from outside (cleared, or a view opened): show the new value unless the draft already says it.
    setSeen(value);
    if (parse(draft) !== value || (value === null && draft.trim() !== '')) setDraft(value === null ? '' : format(value));
  }
  const invalid = draft.trim() !== '' && parse(draft) === null;
  useEffect(() => onInvalid?.(invalid), [invalid, onInvalid]);
  return (
    <TextInput size="xs" aria-label={label} placeholder={placeholder} value={draft} error={invalid}
      aria-describedby={invalid ? errorId : undefined}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setDraft(text);
        const parsed = text.trim() === '' ? null : parse(text);
        if (text.trim() === '' || parsed !== null) {
          setSeen(parsed);
          onChange(parsed);
        }
      }} />
  );
}

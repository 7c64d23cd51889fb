import { Group, Input, Text } from '@mantine/core';
import { memo, useCallback, useId, useState } from 'react';
import type { FilterField, NumberRange } from '../../../../shared/domain/creator-filters';
import { BoundInput } from './bound-input';

interface Props {
  field: FilterField;
  label: string;
  value: NumberRange;
  onField(field: FilterField, value: NumberRange): void;
  parse(text: string): number | null;
  format(value: number): string;
  placeholders: [string, string];
  /** One short line under the inputs: how the number is worked out. */
  description?: string;
}

/**
 * "From … to …" for followers, rates and scores; either end may stay open.
 * Text that is not a number is left out of the filter and said so under the inputs.
 */
export const RangeFilter = memo(function RangeFilter({ field, label, value, onField, parse, format, placeholders, description }: Props) {
  const errorId = useId();
  const [invalid, setInvalid] = useState({ min: false, max: false });
  const minInvalid = useCallback((bad: boolean) => setInvalid((s) => (s.min === bad ? s : { ...s, min: bad })), []);
  const maxInvalid = useCallback((bad: boolean) => setInvalid((s) => (s.max === bad ? s : { ...s, max: bad })), []);
  const error = invalid.min || invalid.max ? `Not a number: type it like ${placeholders[0].replace(/^e\.g\. /, '')}` : undefined;
  return (
    <Input.Wrapper label={label} size="xs" description={error ? undefined : description} error={error} errorProps={{ id: errorId }}
      inputWrapperOrder={['label', 'input', 'description', 'error']}>
      <Group gap={6} wrap="nowrap">
        <BoundInput label={`${label} from`} placeholder={placeholders[0]} value={value.min} parse={parse} format={format}
          onChange={(min) => onField(field, { ...value, min })} onInvalid={minInvalid} errorId={errorId} />
        <Text size="xs" c="dimmed">to</Text>
        <BoundInput label={`${label} up to`} placeholder={placeholders[1]} value={value.max} parse={parse} format={format}
          onChange={(max) => onField(field, { ...value, max })} onInvalid={maxInvalid} errorId={errorId} />
      </Group>
    </Input.Wrapper>
  );
});

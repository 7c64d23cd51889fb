import { Group, Input, Text } from '@mantine/core';
import { memo } from 'react';
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
}

/** "From … to …" for followers, rates and scores; either end may stay open. */
export const RangeFilter = memo(function RangeFilter({ field, label, value, onField, parse, format, placeholders }: Props) {
  return (
    <Input.Wrapper label={label} size="xs">
      <Group gap={6} wrap="nowrap">
        <BoundInput label={`${label} from`} placeholder={placeholders[0]} value={value.min} parse={parse} format={format}
          onChange={(min) => onField(field, { ...value, min })} />
        <Text size="xs" c="dimmed">to</Text>
        <BoundInput label={`${label} up to`} placeholder={placeholders[1]} value={value.max} parse={parse} format={format}
          onChange={(max) => onField(field, { ...value, max })} />
      </Group>
    </Input.Wrapper>
  );
});

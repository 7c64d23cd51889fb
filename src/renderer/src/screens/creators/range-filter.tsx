import { Group, Input, Text } from '@mantine/core';
import type { NumberRange } from '../../../../shared/domain/creator-filters';
import { BoundInput } from './bound-input';

interface Props {
  label: string;
  value: NumberRange;
  onChange(value: NumberRange): void;
  parse(text: string): number | null;
  format(value: number): string;
  placeholders: [string, string];
}

/** "From … to …" for followers, rates and scores; either end may stay open. */
export function RangeFilter({ label, value, onChange, parse, format, placeholders }: Props) {
  return (
    <Input.Wrapper label={label} size="xs">
      <Group gap={6} wrap="nowrap">
        <BoundInput label={`${label} from`} placeholder={placeholders[0]} value={value.min} parse={parse} format={format}
          onChange={(min) => onChange({ ...value, min })} />
        <Text size="xs" c="dimmed">to</Text>
        <BoundInput label={`${label} up to`} placeholder={placeholders[1]} value={value.max} parse={parse} format={format}
          onChange={(max) => onChange({ ...value, max })} />
      </Group>
    </Input.Wrapper>
  );
}

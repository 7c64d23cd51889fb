import { Group, MultiSelect, Text } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';

export interface Choice {
  value: string;
  label: string;
  count?: number;
}

interface Props {
  label: string;
  placeholder: string;
  choices: Choice[];
  value: string[];
  onChange(value: string[]): void;
  disabled?: boolean;
  /** Shown under the input: a hint, or a link to what decides the choices. */
  description?: ReactNode;
}

/** Pick any of the values present in the list, each with how many creators have it. */
export function ChoiceFilter({ label, placeholder, choices, value, onChange, disabled, description }: Props) {
  const counts = useMemo(() => new Map(choices.map((c) => [c.value, c.count])), [choices]);
  const data = useMemo(() => {
    // A saved view may name a value nobody has any more; it stays visible so it can be removed.
    const missing = value.filter((v) => !counts.has(v)).map((v) => ({ value: v, label: v }));
    return [...choices.map(({ value: v, label: l }) => ({ value: v, label: l })), ...missing];
  }, [choices, counts, value]);
  return (
    <MultiSelect size="xs" label={label} placeholder={value.length ? undefined : placeholder} data={data} value={value} onChange={onChange}
      searchable clearable limit={200} maxDropdownHeight={280} disabled={disabled}
      description={description} inputWrapperOrder={['label', 'input', 'description']} nothingFoundMessage="No creator has that"
      comboboxProps={{ shadow: 'md' }}
      renderOption={({ option }) => (
        <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
          <Text size="xs" truncate>{option.label}</Text>
          {counts.get(option.value) !== undefined && <Text size="xs" c="dimmed">{counts.get(option.value)!.toLocaleString()}</Text>}
        </Group>
      )} />
  );
}

import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { fieldLabel, importFields, type FieldKey } from '../../../../shared/import/fields';

/** What one column becomes: grouped the way people think of a creator (person, contact, accounts, place…). */
export function FieldSelect({ value, onChange, label }: { value: FieldKey; onChange: (key: FieldKey) => void; label: string }) {
  const data = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const field of importFields) groups.set(field.group, [...(groups.get(field.group) ?? []), { value: field.key, label: field.label }]);
    return [{ group: 'Skip', items: [{ value: 'ignore', label: fieldLabel('ignore') }] }, ...[...groups].map(([group, items]) => ({ group, items }))];
  }, []);
  return (
    <Select
      aria-label={label}
      data={data}
      value={value}
      onChange={(v) => onChange((v ?? 'ignore') as FieldKey)}
      searchable
      allowDeselect={false}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      styles={value === 'ignore' ? { input: { color: 'var(--mantine-color-dimmed)' } } : undefined}
    />
  );
}

import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { EditableCard } from '../../components/editable-card';
import { useCustomFields } from '../../hooks/use-custom-fields';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

type Value = string | number | boolean | null;

function show(value: Value | undefined): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return value == null || value === '' ? '—' : String(value);
}

/** The workspace's own fields for this creator; values are kept by field id, so renaming a field keeps them. */
export function CustomFieldsCard({ creator }: { creator: CreatorRow }) {
  const fields = useCustomFields();
  const save = useSaveCreator(creator.id);
  if (!fields || fields.length === 0) return null;
  return (
    <EditableCard<Record<string, Value>>
      title="More about them"
      testId="custom-fields-card"
      readOnly={!!creator.deletedAt}
      initial={() => ({ ...creator.customFields })}
      onSave={(draft) => save({ customFields: Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '' && v != null)) }, 'Custom fields')}
      view={(
        <SimpleGrid cols={2} spacing="xs">
          {fields.map((f) => (
            <Stack key={f.id} gap={0}>
              <Text size="xs" c="dimmed">{f.name}</Text>
              <Text size="sm">{show(creator.customFields[f.id])}</Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
      edit={(draft, set) => (
        <SimpleGrid cols={2} spacing="xs">
          {fields.map((f) => {
            const value = draft[f.id];
            if (f.type === 'number') return <NumberInput key={f.id} label={f.name} value={typeof value === 'number' ? value : ''} onChange={(v) => set({ ...draft, [f.id]: typeof v === 'number' ? v : null })} />;
            if (f.type === 'yes-no') {
              return <Select key={f.id} label={f.name} clearable data={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]}
                value={value === true ? 'yes' : value === false ? 'no' : null} onChange={(v) => set({ ...draft, [f.id]: v === 'yes' ? true : v === 'no' ? false : null })} />;
            }
            return <TextInput key={f.id} label={f.name} value={typeof value === 'string' ? value : value == null ? '' : String(value)} onChange={(e) => set({ ...draft, [f.id]: e.currentTarget.value })} />;
          })}
        </SimpleGrid>
      )}
    />
  );
}

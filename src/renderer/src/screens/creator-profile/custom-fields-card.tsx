import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { numberFields } from '../../../../shared/domain/number-fields';
import { typedText } from '../../../../shared/domain/number-reader';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import { NumberField } from '../../components/number-field';
import { numberLocale, numbersOrThrow } from '../../components/number-locale';
import { useCustomFields, type CustomFieldDef } from '../../hooks/use-custom-fields';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

type Value = string | number | boolean | null;

function show(value: Value | undefined): string {
  if (value === true) return 'Yes';
  if (value === false) return 'No';
  return value == null || value === '' ? '—' : String(value);
}

/** A number field's value as the person types it back; a value of another kind (the field was text before) as it is. */
function asTyped(value: Value | undefined, field: CustomFieldDef): Value {
  if (typeof value === 'number') return typedText(value, numberFields.customNumber(field.name), numberLocale());
  return value ?? '';
}

/**
 * What is saved: number fields are read from what was typed (a refusal names
 * the field); a value nobody touched is kept exactly as stored.
 */
function readValues(draft: Record<string, Value>, stored: Record<string, Value>, fields: CustomFieldDef[]): Record<string, Value> {
  const typed = fields.filter((f) => f.type === 'number' && typeof draft[f.id] === 'string' && draft[f.id] !== asTyped(stored[f.id], f));
  const read: Record<string, number | null> = numbersOrThrow(Object.fromEntries(typed.map((f) => [`customFields.${f.id}`, { text: draft[f.id] as string, spec: numberFields.customNumber(f.name) }])));
  const out: Record<string, Value> = { ...draft };
  for (const f of fields) if (f.type === 'number') out[f.id] = `customFields.${f.id}` in read ? read[`customFields.${f.id}`] : (stored[f.id] ?? null);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== '' && v != null));
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
      initial={() => ({ ...creator.customFields, ...Object.fromEntries(fields.filter((f) => f.type === 'number').map((f) => [f.id, asTyped(creator.customFields[f.id], f)])) })}
      onSave={(draft) => save({ customFields: readValues(draft, creator.customFields, fields) }, 'Custom fields')}
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
      edit={(draft, set, errors) => (
        <SimpleGrid cols={2} spacing="xs">
          {fields.map((f) => {
            const value = draft[f.id];
            if (f.type === 'number') {
              return <NumberField key={f.id} label={f.name} spec={numberFields.customNumber(f.name)} value={value == null ? '' : String(value)}
                onChange={(v) => set({ ...draft, [f.id]: v })} error={errorFor(errors, `customFields.${f.id}`)} />;
            }
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

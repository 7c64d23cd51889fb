import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../app/workspace-context';
import { reportError } from '../components/report-error';
import { notifyWithUndo } from '../components/undo-notification';
import { useCustomFields, type CustomFieldType } from '../hooks/use-custom-fields';

const typeLabels: Record<CustomFieldType, string> = { text: 'Text', number: 'Number', 'yes-no': 'Yes / no' };

/** Fields the team adds to every creator: "Discount code used", "Pet friendly", "Agency contract until"… */
export function CustomFieldSettingsCard() {
  const session = useSession();
  const fields = useCustomFields();
  const [name, setName] = useState('');
  const [type, setType] = useState<CustomFieldType>('text');
  const add = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    if (fields?.some((f) => f.name.toLowerCase() === trimmed.toLowerCase())) return reportError('That field was not added')(new Error(`There is already a field called “${trimmed}”.`));
    try {
      await session.commands.create('settings', { kind: 'custom-field', name: trimmed, data: { type } });
      setName('');
      setType('text');
    } catch (error) {
      reportError('That field was not added')(error);
    }
  };
  const remove = async (id: string, fieldName: string) => {
    await session.commands.softDelete('settings', [id]);
    notifyWithUndo(`“${fieldName}” removed from creator profiles (values already entered are kept)`, () => void session.commands.restore('settings', [id]));
  };
  return (
    <Card withBorder radius="lg" data-testid="custom-fields">
      <Stack gap={0} mb="sm">
        <Text fw={700}>Custom fields</Text>
        <Text size="sm" c="dimmed">Add what your team tracks that Fanfare does not: they appear on every creator’s profile, for everyone in the workspace.</Text>
      </Stack>
      <Stack gap={6}>
        {fields?.map((f) => (
          <Group key={f.id} gap="xs" wrap="nowrap">
            <Text size="sm" style={{ flex: 1 }}>{f.name}</Text>
            <Text size="xs" c="dimmed" w={80}>{typeLabels[f.type]}</Text>
            <ActionIcon variant="subtle" color="red" onClick={() => void remove(f.id, f.name)} aria-label={`Remove ${f.name}`}><IconTrash size={16} /></ActionIcon>
          </Group>
        ))}
      </Stack>
      <form onSubmit={(e) => { e.preventDefault(); void add(); }}>
        <Group mt="sm" gap="xs" align="flex-end">
          <TextInput label="New field" placeholder="e.g. Pet friendly" value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={60} style={{ flex: 1 }} />
          <Select label="Kind" w={120} data={Object.entries(typeLabels).map(([value, label]) => ({ value, label }))} value={type} allowDeselect={false} onChange={(v) => v && setType(v as CustomFieldType)} />
          <Button type="submit" variant="light" leftSection={<IconPlus size={14} />} disabled={!name.trim()}>Add field</Button>
        </Group>
      </form>
    </Card>
  );
}

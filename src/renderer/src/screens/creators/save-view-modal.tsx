import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { foldText } from '../../../../shared/domain/fold-text';

interface Props {
  mode: 'new' | 'rename';
  initialName: string;
  takenNames: string[];
  onSave(name: string): Promise<void>;
  onClose(): void;
}

/** Names a view (or renames one); the team sees it under this name. */
export function SaveViewModal({ mode, initialName, takenNames, onSave, onClose }: Props) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const clean = name.trim();
    if (!clean) return setError('Give the view a name');
    if (takenNames.some((n) => foldText(n) === foldText(clean))) return setError('A view with this name already exists; choose another');
    setSaving(true);
    try {
      await onSave(clean);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={mode === 'new' ? 'Save as a new view' : 'Rename view'} size="sm">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <TextInput label="View name" placeholder="e.g. Micro skincare, Poland" value={name} data-autofocus error={error}
            onChange={(e) => { setName(e.currentTarget.value); setError(null); }} />
          {mode === 'new' && <Text size="xs" c="dimmed">Keeps the current filters, columns and sort. Everyone on the team can open it.</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={saving}>{mode === 'new' ? 'Save view' : 'Rename'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

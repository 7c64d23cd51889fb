import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { TemplateInputError, type TemplateInput } from '../../../../shared/domain/team-templates';
import { ActivationModelPicker } from './activation-model-picker';

/**
 * Naming a team template and the activation models it is for: used to save
 * a brief, a message or a clause set, and to rename one. `onSave` throws a
 * TemplateInputError for a field; the modal shows it there and stays open.
 */
export function SaveTemplateModal({ opened, onClose, heading, explanation, initial, saveLabel, onSave }: {
  opened: boolean; onClose: () => void; heading: string; explanation: string; initial: TemplateInput; saveLabel: string;
  onSave: (input: TemplateInput) => Promise<void>;
}) {
  const [name, setName] = useState(initial.name);
  const [models, setModels] = useState<string[]>([...initial.activationModels]);
  const [errors, setErrors] = useState<{ name?: string; activationModels?: string }>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setName(initial.name);
    setModels([...initial.activationModels]);
    setErrors({});
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = async () => {
    setBusy(true);
    try {
      await onSave({ name, activationModels: models });
      onClose();
    } catch (error) {
      if (error instanceof TemplateInputError) setErrors({ [error.field]: error.message });
      else setErrors({ name: `Not saved: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={<Title order={4}>{heading}</Title>} size="md">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{explanation}</Text>
          <TextInput label="Template name" placeholder="e.g. Gifting – first post" value={name} data-autofocus
            onChange={(e) => { setName(e.currentTarget.value); setErrors({}); }} error={errors.name} />
          <ActivationModelPicker value={models} onChange={(m) => { setModels(m); setErrors({}); }} error={errors.activationModels} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>{saveLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

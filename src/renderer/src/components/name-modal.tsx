import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';

interface Props {
  opened: boolean;
  title: string;
  label: string;
  initial?: string;
  submitLabel: string;
  validate: (value: string) => string | null;
  onSubmit: (value: string) => Promise<void> | void;
  onClose: () => void;
}

/** A one-field dialog: name a workspace, rename it. Enter submits, Escape closes. */
export function NameModal({ opened, title, label, initial = '', submitLabel, validate, onSubmit, onClose }: Props) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (opened) {
      setValue(initial);
      setError(null);
    }
  }, [opened, initial]);

  const submit = async () => {
    const problem = validate(value);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await onSubmit(value.trim());
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack>
          <TextInput label={label} value={value} onChange={(e) => setValue(e.currentTarget.value)} error={error} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

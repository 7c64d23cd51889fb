import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ShipmentRow } from './seeding-rows';

export const failedReasons = ['Returned to sender', 'Lost in transit', 'Damaged', 'Wrong address', 'Wrong size sent'];

/** A failed delivery says why, so the re-shipment can fix it (a corrected address, the right size). */
export function FailedModal({ shipment, onClose, onConfirm }: { shipment: ShipmentRow | null; onClose: () => void; onConfirm: (reason: string) => Promise<boolean> }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { setReason(''); setError(null); }, [shipment]);
  const confirm = async () => {
    if (!reason.trim()) {
      setError('Say what happened: the re-shipment is decided from it (another size, a corrected address).');
      return;
    }
    if (await onConfirm(reason.trim())) onClose();
  };
  return (
    <Modal opened={shipment !== null} onClose={onClose} title={`${shipment?.orderName ?? ''} did not arrive`}>
      <Stack>
        <TextInput label="What happened" withAsterisk placeholder="Returned to sender: flat number missing" data-autofocus value={reason} error={error}
          onChange={(e) => { setReason(e.currentTarget.value); setError(null); }} />
        <Group gap={6}>
          {failedReasons.map((r) => <Button key={r} size="compact-xs" variant="light" color="gray" onClick={() => { setReason(r); setError(null); }}>{r}</Button>)}
        </Group>
        <Text size="xs" c="dimmed">Then use “Re-ship” on it: a new shipment replaces this one, and both stay in the history.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="red" onClick={() => void confirm()}>Mark failed</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

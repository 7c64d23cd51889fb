import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ShipmentRow } from './seeding-rows';

const reasons = ['Returned to sender', 'Lost in transit', 'Damaged', 'Wrong address', 'Wrong size sent'];

/** A failed delivery says why, so the re-shipment can fix it (a corrected address, the right size). */
export function FailedModal({ shipment, onClose, onConfirm }: { shipment: ShipmentRow | null; onClose: () => void; onConfirm: (reason: string) => Promise<boolean> }) {
  const [reason, setReason] = useState('');
  useEffect(() => setReason(''), [shipment]);
  return (
    <Modal opened={shipment !== null} onClose={onClose} title={`${shipment?.orderName ?? ''} did not arrive`}>
      <Stack>
        <TextInput label="What happened" placeholder="Returned to sender: flat number missing" data-autofocus value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group gap={6}>
          {reasons.map((r) => <Button key={r} size="compact-xs" variant="light" color="gray" onClick={() => setReason(r)}>{r}</Button>)}
        </Group>
        <Text size="xs" c="dimmed">Then use “Re-ship” on it: a new shipment replaces this one, and both stay in the history.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button color="red" onClick={() => void onConfirm(reason.trim()).then((ok) => ok && onClose())}>Mark failed</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

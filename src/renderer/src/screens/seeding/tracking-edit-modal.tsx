import { Alert, Anchor, Autocomplete, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { carrierName, carriers, cleanTrackingNumber, guessCarriers, trackingLink } from '../../../../shared/domain/carriers';
import type { ShipmentRow } from './seeding-rows';

/** Type a carrier and tracking number by hand; the link to the carrier's page shows before saving. */
export function TrackingEditModal({ shipment, hold, onClose, onSave }: { shipment: ShipmentRow | null; hold: string | null; onClose: () => void; onSave: (carrier: string, trackingNumber: string) => Promise<boolean> }) {
  const [carrier, setCarrier] = useState('');
  const [number, setNumber] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (shipment) {
      setCarrier(carrierName(shipment.carrier));
      setNumber(shipment.trackingNumber);
    }
  }, [shipment]);
  const clean = cleanTrackingNumber(number);
  const valid = !clean || /^[A-Z0-9]{6,40}$/.test(clean);
  const guess = guessCarriers(clean);
  const link = trackingLink(carrier, clean);
  const save = async () => {
    setSaving(true);
    const ok = await onSave(carrierName(carrier), clean);
    setSaving(false);
    if (ok) onClose();
  };
  return (
    <Modal opened={shipment !== null} onClose={onClose} title={`Tracking for ${shipment?.orderName ?? ''}`}>
      <Stack>
        {hold && <Alert color="orange" variant="light" title="This parcel waits for an address" data-testid="tracking-hold">{hold}</Alert>}
        <TextInput label="Tracking number" data-autofocus value={number} onChange={(e) => setNumber(e.currentTarget.value)} ff="monospace"
          error={valid ? undefined : 'A tracking number is 6 to 40 letters and digits'} />
        <Autocomplete label="Carrier" placeholder="UPS, DHL, Royal Mail…" data={carriers.map((c) => c.name)} value={carrier} onChange={setCarrier}
          description={!carrier && guess.length === 1 ? <Anchor component="button" size="xs" onClick={() => setCarrier(guess[0].name)}>Looks like {guess[0].name}: use it</Anchor> : 'Any carrier; known ones get a tracking link'} />
        {link && <Text size="sm">Tracking page: <Anchor href={link} target="_blank" rel="noreferrer">{link}</Anchor></Text>}
        {shipment?.status === 'to-ship' && clean && <Text size="xs" c="dimmed">Saving marks it shipped today.</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving} disabled={!valid || (!!hold && !!clean)}>Save tracking</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

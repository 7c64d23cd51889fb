import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Address } from '../../../../shared/domain/fields';
import { addressProblem } from '../../../../shared/domain/shipment-address';
import { AddressFields, emptyAddress } from './address-fields';
import type { ShipmentRow } from './seeding-rows';

/** The address a waiting parcel needs; it goes on the creator's profile too unless it is only for this parcel. */
export function ShipmentAddressModal({ shipment, creatorName, profileAddress, onClose, onSave }: {
  shipment: ShipmentRow | null;
  creatorName: string;
  profileAddress: Address | null;
  onClose: () => void;
  onSave: (address: Address, alsoProfile: boolean) => Promise<boolean>;
}) {
  const [address, setAddress] = useState<Address>(emptyAddress);
  const [alsoProfile, setAlsoProfile] = useState(true);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    setAddress({ ...emptyAddress, name: creatorName, ...(shipment?.address ?? profileAddress ?? {}) });
    setAlsoProfile(true);
    setTried(false);
  }, [shipment, creatorName, profileAddress]);
  const problem = addressProblem(address);
  const save = async () => {
    setTried(true);
    if (problem) return;
    if (await onSave(address, alsoProfile)) onClose();
  };
  return (
    <Modal opened={shipment !== null} onClose={onClose} title={`Address for ${shipment?.orderName ?? ''} (${creatorName})`}>
      <Stack>
        <Text size="sm" c="dimmed">This parcel waits until it has a street, city, postcode and country; then it can be exported and tracked.</Text>
        <AddressFields value={address} onChange={setAddress} autoFocus />
        <Checkbox label={`Also save it as ${creatorName}'s shipping address`} checked={alsoProfile} onChange={(e) => setAlsoProfile(e.currentTarget.checked)}
          description={alsoProfile ? undefined : 'Only this parcel goes there; the profile keeps its own address.'} />
        {tried && problem && <Alert color="orange" variant="light" data-testid="address-problem">{problem}.</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()}>Save address</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

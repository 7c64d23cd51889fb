import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { Address } from '../../../../shared/domain/fields';
import { addressProblem } from '../../../../shared/domain/shipment-address';
import type { Reshipment } from '../../../../shared/domain/shipment-writes';
import { countryName } from '../../components/countries';
import { AddressFields, emptyAddress } from './address-fields';
import { choiceValue, describeItems, parseChoice, productOptions, type ProductRow, type ShipmentRow } from './seeding-rows';

type Where = 'same' | 'profile' | 'other';

const oneLine = (a: Address | null) => (a ? [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), countryName(a.country)].filter(Boolean).join(', ') : 'no address');
const sameAddress = (a: Address | null, b: Address | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Re-ship a failed parcel: the same items to the same address by default,
 * with why it failed in view; a wrong size asks for another size, a wrong
 * address for another address.
 */
export function ReshipModal({ failed, creatorName, profileAddress, products, productById, onClose, onReship }: {
  failed: ShipmentRow | null;
  creatorName: string;
  profileAddress: Address | null;
  products: ProductRow[];
  productById: ReadonlyMap<string, ProductRow>;
  onClose: () => void;
  onReship: (next: Omit<Reshipment, 'orderName'>) => Promise<boolean>;
}) {
  const [choices, setChoices] = useState<string[]>([]);
  const [where, setWhere] = useState<Where>('same');
  const [other, setOther] = useState<Address>(emptyAddress);
  const wrongSize = /wrong size/i.test(failed?.failedReason ?? '');
  const profileDiffers = !!profileAddress && !addressProblem(profileAddress) && !sameAddress(profileAddress, failed?.address ?? null);
  useEffect(() => {
    if (!failed) return;
    setChoices(failed.items.map((i) => choiceValue(i.productId, i.variantId)));
    const wrongAddress = /address/i.test(failed.failedReason);
    setWhere(wrongAddress ? (profileDiffers ? 'profile' : 'other') : 'same');
    setOther({ ...emptyAddress, name: creatorName, ...(failed.address ?? {}) });
    // Only when another parcel is opened: typing must not be reset by a teammate's edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [failed]);
  const options = useMemo(() => productOptions(products), [products]);
  if (!failed) return <Modal opened={false} onClose={onClose}>{null}</Modal>;

  const items = choices.map((c, i) => ({ ...parseChoice(c), quantity: failed.items[i]?.quantity ?? 1 }));
  const unchanged = items.every((item, i) => item.productId === failed.items[i]?.productId && item.variantId === failed.items[i]?.variantId);
  const address = where === 'same' ? failed.address : where === 'profile' ? profileAddress : other;
  const submit = async () => {
    if (await onReship({ items, address, addressFixed: where !== 'profile' && address !== null })) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Re-ship ${failed.orderName} to ${creatorName}`} size="lg">
      <Stack>
        <Alert color="red" variant="light" title="Why it failed" data-testid="reship-reason">{failed.failedReason || 'No reason was given.'}</Alert>
        <Text size="sm" fw={600}>What to send</Text>
        {choices.map((value, i) => {
          const sent = describeItems([failed.items[i]], productById);
          return (
            <Select key={i} aria-label={`Item ${i + 1} to send`} data={options} value={value} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }}
              onChange={(v) => v && setChoices((list) => list.map((c, j) => (j === i ? v : c)))}
              description={wrongSize ? `Sent last time: ${sent}. Choose the right size.` : `Sent last time: ${sent}`}
              error={wrongSize && unchanged ? 'The wrong size was sent: choose another size' : undefined} />
          );
        })}
        <Radio.Group label="Where to" value={where} onChange={(v) => setWhere(v as Where)}>
          <Stack gap={6} mt={6}>
            <Radio value="same" label={`The same address: ${oneLine(failed.address)}`} />
            {profileDiffers && <Radio value="profile" label={`${creatorName}'s profile address now: ${oneLine(profileAddress)}`} />}
            <Radio value="other" label="Another address" />
          </Stack>
        </Radio.Group>
        {where === 'other' && <AddressFields value={other} onChange={setOther} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void submit()} disabled={wrongSize && unchanged}>Re-ship as a new parcel</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { Address } from '../../../../shared/domain/fields';
import { countryName, countryOptions } from '../../components/countries';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

const empty: Address = { name: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: '' };

/** Where product is shipped: read on the phone during an opt-in call, used by seeding exports. */
export function AddressCard({ creator }: { creator: CreatorRow }) {
  const save = useSaveCreator(creator.id);
  const a = creator.shippingAddress;
  return (
    <EditableCard<Address>
      title="Shipping address"
      testId="address-card"
      readOnly={!!creator.deletedAt}
      initial={() => ({ ...empty, ...a })}
      onSave={(d) => save({ shippingAddress: Object.values(d).some((v) => v.trim()) ? d : null }, 'Shipping address')}
      view={a ? (
        <Stack gap={0}>
          {[a.name, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, countryName(a.country)].filter(Boolean).map((line) => <Text key={line} size="sm">{line}</Text>)}
        </Stack>
      ) : <Text size="sm" c="dimmed">No address yet. It is asked for when they opt in to a gifting campaign.</Text>}
      edit={(d, set, errors) => (
        <Stack gap="xs">
          <TextInput label="Recipient" value={d.name} onChange={(e) => set({ ...d, name: e.currentTarget.value })} error={errorFor(errors, 'shippingAddress.name')} />
          <TextInput label="Address" value={d.line1} onChange={(e) => set({ ...d, line1: e.currentTarget.value })} error={errorFor(errors, 'shippingAddress.line1')} />
          <TextInput aria-label="Address line 2" placeholder="Apartment, floor… (optional)" value={d.line2} onChange={(e) => set({ ...d, line2: e.currentTarget.value })} />
          <SimpleGrid cols={2} spacing="xs">
            <TextInput label="Postcode" value={d.postalCode} onChange={(e) => set({ ...d, postalCode: e.currentTarget.value })} error={errorFor(errors, 'shippingAddress.postalCode')} />
            <TextInput label="City" value={d.city} onChange={(e) => set({ ...d, city: e.currentTarget.value })} />
            <TextInput label="Region / state" value={d.region} onChange={(e) => set({ ...d, region: e.currentTarget.value })} />
            <Select label="Country" searchable data={countryOptions()} value={d.country || null} onChange={(v) => set({ ...d, country: v ?? '' })} error={errorFor(errors, 'shippingAddress.country')} />
          </SimpleGrid>
        </Stack>
      )}
    />
  );
}

import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Address } from '../../../../shared/domain/fields';
import { countryOptions } from '../../components/countries';

export const emptyAddress: Address = { name: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: '' };

/** A parcel's address, as the creator profile asks for it. */
export function AddressFields({ value, onChange, autoFocus = false }: { value: Address; onChange: (next: Address) => void; autoFocus?: boolean }) {
  const set = (patch: Partial<Address>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="xs">
      <TextInput label="Recipient" value={value.name} onChange={(e) => set({ name: e.currentTarget.value })} data-autofocus={autoFocus || undefined} />
      <TextInput label="Street address" value={value.line1} onChange={(e) => set({ line1: e.currentTarget.value })} />
      <TextInput aria-label="Address line 2" placeholder="Apartment, floor… (optional)" value={value.line2} onChange={(e) => set({ line2: e.currentTarget.value })} />
      <SimpleGrid cols={2} spacing="xs">
        <TextInput label="Postcode" value={value.postalCode} onChange={(e) => set({ postalCode: e.currentTarget.value })} />
        <TextInput label="City" value={value.city} onChange={(e) => set({ city: e.currentTarget.value })} />
        <TextInput label="Region / state" value={value.region} onChange={(e) => set({ region: e.currentTarget.value })} />
        <Select label="Country" searchable data={countryOptions()} value={value.country || null} onChange={(v) => set({ country: v ?? '' })} comboboxProps={{ withinPortal: true }} />
      </SimpleGrid>
    </Stack>
  );
}

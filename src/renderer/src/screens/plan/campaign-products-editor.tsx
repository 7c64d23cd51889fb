import { ActionIcon, Badge, Group, Select, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { addProduct, campaignProductEntries, moveProduct, type CatalogueProduct } from '../../../../shared/domain/campaign-products';

/**
 * The campaign's products in order (the first leads {{product}} in messages):
 * add from the catalogue, reorder, remove. A product deleted from the
 * catalogue since stays listed as deleted until someone removes it.
 */
export function CampaignProductsEditor({ value, catalogue, onChange, readOnly = false }: {
  value: string[];
  /** Every product, deleted ones too, so a deleted one can be named. */
  catalogue: CatalogueProduct[];
  onChange: (next: string[]) => void;
  readOnly?: boolean;
}) {
  const entries = campaignProductEntries(value, catalogue);
  const addable = catalogue.filter((p) => !p.deletedAt && !value.includes(p.id)).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Stack gap={6} data-testid="campaign-products">
      {entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {catalogue.some((p) => !p.deletedAt)
            ? 'No products yet. Choose what this campaign features: outreach fills {{product}} with them, seeding offers them first, contracts name them.'
            : 'The product catalogue is empty. Add products under Seeding → Product catalogue, then choose them here.'}
        </Text>
      )}
      {entries.map((p, i) => (
        <Group key={p.id} gap="xs" wrap="nowrap" data-testid="campaign-product" data-name={p.name}>
          <Text size="sm" c="dimmed" w={18} ta="right">{i + 1}.</Text>
          <Text size="sm" fw={500} style={{ flex: 1 }} td={p.state === 'live' ? undefined : 'line-through'} c={p.state === 'live' ? undefined : 'dimmed'}>{p.name}</Text>
          {p.state !== 'live' && <Badge size="xs" color="red" variant="light" style={{ overflow: 'visible' }}>deleted from the catalogue</Badge>}
          {!readOnly && (
            <>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${p.name} up`} disabled={i === 0} onClick={() => onChange(moveProduct(value, i, -1))}><IconArrowUp size={14} /></ActionIcon>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${p.name} down`} disabled={i === entries.length - 1} onClick={() => onChange(moveProduct(value, i, 1))}><IconArrowDown size={14} /></ActionIcon>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Remove ${p.name}`} onClick={() => onChange(value.filter((id) => id !== p.id))}><IconX size={14} /></ActionIcon>
            </>
          )}
        </Group>
      ))}
      {!readOnly && addable.length > 0 && (
        <Select aria-label="Add a product" placeholder="Add a product from the catalogue…" size="xs" maw={320} data={addable} value={null} searchable
          comboboxProps={{ withinPortal: true }} onChange={(id) => id && onChange(addProduct(value, id))} />
      )}
    </Stack>
  );
}

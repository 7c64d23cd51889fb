import { Badge, Group, Select, Text, Tooltip } from '@mantine/core';
import type { ProductChoice } from '../../../../shared/domain/product-match';
import { productOptions, type ProductRow } from './seeding-rows';

/** What a creator will get: the match from their opt-in preferences, or a clear "choose" when there is none. */
export function ProductChoiceSelect({ creatorName, products, campaignProductIds, choice, value, onChange }: {
  creatorName: string;
  campaignProductIds: readonly string[];
  products: ProductRow[];
  choice: ProductChoice;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const fromPreferences = choice.status === 'matched' && value !== null && value.startsWith(`${choice.productId}|`);
  return (
    <Group gap={6} wrap="nowrap">
      <Select aria-label={`Product for ${creatorName}`} placeholder={choice.status === 'choose-variant' ? 'Choose a size' : 'Choose a product'} size="xs" w={210}
        data={productOptions(products, campaignProductIds)} value={value} onChange={onChange} searchable comboboxProps={{ withinPortal: true }}
        error={value === null} />
      <Tooltip label={choice.because} multiline w={260} withinPortal>
        {fromPreferences ? <Badge size="xs" variant="light" color="teal" style={{ flexShrink: 0, overflow: 'visible' }}>{choice.because.includes('this campaign') ? 'campaign product' : 'from opt-in'}</Badge>
          : value === null ? <Badge size="xs" variant="light" color="orange" style={{ flexShrink: 0, overflow: 'visible' }}>{choice.status === 'choose-variant' ? 'size?' : 'no match'}</Badge>
            : <Text size="xs" c="dimmed">chosen</Text>}
      </Tooltip>
    </Group>
  );
}

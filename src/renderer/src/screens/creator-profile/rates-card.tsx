import { ActionIcon, Autocomplete, Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { formatMoney, MICROS, moneyFrom } from '../../../../shared/domain/fields';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

const currencies = ['USD', 'EUR', 'GBP', 'PLN', 'CAD', 'AUD', 'SEK', 'CHF', 'JPY'];
const deliverables = ['Instagram Reel', 'Instagram Story', 'Instagram post', 'TikTok video', 'YouTube video', 'YouTube Short', 'UGC video (no posting)', 'Usage rights (per month)', 'Whitelisting (per month)'];

interface RateDraft {
  deliverable: string;
  amount: number | '';
  currency: string;
}

/** What they charge per deliverable, as quoted: the starting point of every negotiation. */
export function RatesCard({ creator }: { creator: CreatorRow }) {
  const save = useSaveCreator(creator.id);
  return (
    <EditableCard<RateDraft[]>
      title="Rates"
      testId="rates-card"
      readOnly={!!creator.deletedAt}
      initial={() => creator.rates.map((r) => ({ deliverable: r.deliverable, amount: r.price.amountMicros / MICROS, currency: r.price.currency }))}
      onSave={(drafts) => save({
        rates: drafts.filter((r) => r.deliverable.trim() || r.amount !== '').map((r) => ({ deliverable: r.deliverable, price: moneyFrom(r.amount === '' ? 0 : r.amount, r.currency) })),
      }, 'Rates')}
      view={creator.rates.length === 0 ? <Text size="sm" c="dimmed">No rates yet. Note what they quote per Reel, TikTok or story to compare offers later.</Text> : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {creator.rates.map((r) => (
              <Table.Tr key={r.deliverable}>
                <Table.Td><Text size="sm">{r.deliverable}</Text></Table.Td>
                <Table.Td ta="right"><Text size="sm" fw={600}>{formatMoney(r.price)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      edit={(drafts, set, errors) => (
        <Stack gap="xs">
          {drafts.map((r, i) => {
            const put = (patch: Partial<RateDraft>) => set(drafts.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            return (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                <Autocomplete aria-label="Deliverable" placeholder="Instagram Reel" data={deliverables} style={{ flex: 1 }} value={r.deliverable}
                  onChange={(v) => put({ deliverable: v })} error={errorFor(errors, `rates.${i}.deliverable`)} />
                <NumberInput aria-label="Price" w={120} min={0} decimalScale={2} thousandSeparator="," value={r.amount}
                  onChange={(v) => put({ amount: typeof v === 'number' ? v : '' })} error={errorFor(errors, `rates.${i}.price`)} />
                <Select aria-label="Currency" w={90} data={currencies} value={r.currency} allowDeselect={false} onChange={(v) => v && put({ currency: v })} />
                <ActionIcon variant="subtle" color="red" mt={4} onClick={() => set(drafts.filter((_, j) => j !== i))} aria-label="Remove this rate"><IconTrash size={16} /></ActionIcon>
              </Group>
            );
          })}
          <Button variant="light" size="xs" w="fit-content" leftSection={<IconPlus size={14} />}
            onClick={() => set([...drafts, { deliverable: '', amount: '', currency: drafts.at(-1)?.currency ?? 'USD' }])}>Add a rate</Button>
        </Stack>
      )}
    />
  );
}

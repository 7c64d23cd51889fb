import { ActionIcon, Autocomplete, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { CommandError } from '../../../../shared/data/command-error';
import { formatMoney, MICROS, moneyFrom } from '../../../../shared/domain/fields';
import { numberFields } from '../../../../shared/domain/number-fields';
import { typedText } from '../../../../shared/domain/number-reader';
import { EditableCard } from '../../components/editable-card';
import { errorFor } from '../../components/field-errors';
import { NumberField } from '../../components/number-field';
import { numberLocale, numbersOrThrow } from '../../components/number-locale';
import type { CreatorRow } from '../creator-row';
import { useSaveCreator } from './use-save-creator';

const currencies = ['USD', 'EUR', 'GBP', 'PLN', 'CAD', 'AUD', 'SEK', 'CHF', 'JPY'];
const deliverables = ['Instagram Reel', 'Instagram Story', 'Instagram post', 'TikTok video', 'YouTube video', 'YouTube Short', 'UGC video (no posting)', 'Usage rights (per month)', 'Whitelisting (per month)'];

interface RateDraft {
  deliverable: string;
  /** As typed ("1,200", "1.2K"): read on save. */
  amount: string;
  currency: string;
}

const price = numberFields.price;

/**
 * The rates as they will be stored, or a refusal per field: a rate without
 * its price was stored as 0 before, which reads as "works for free".
 */
function readRates(drafts: RateDraft[]) {
  const used = drafts.map((r, i) => ({ ...r, i })).filter((r) => r.deliverable.trim() || r.amount.trim());
  const read: Record<string, number | null> = numbersOrThrow(Object.fromEntries(used.map((r) => [`rates.${r.i}.price`, { text: r.amount, spec: price }])));
  const missing = used.filter((r) => read[`rates.${r.i}.price`] == null);
  if (missing.length) {
    const fields = Object.fromEntries(missing.map((r) => [`rates.${r.i}.price`, `Add what ${r.deliverable.trim() || 'this'} costs, or remove the rate.`]));
    throw new CommandError('invalid', Object.values(fields)[0], fields);
  }
  return used.map((r) => ({ deliverable: r.deliverable, price: moneyFrom(read[`rates.${r.i}.price`]!, r.currency) }));
}

/** What they charge per deliverable, as quoted: the starting point of every negotiation. */
export function RatesCard({ creator }: { creator: CreatorRow }) {
  const save = useSaveCreator(creator.id);
  return (
    <EditableCard<RateDraft[]>
      title="Rates"
      testId="rates-card"
      readOnly={!!creator.deletedAt}
      initial={() => creator.rates.map((r) => ({ deliverable: r.deliverable, amount: typedText(r.price.amountMicros / MICROS, price, numberLocale()), currency: r.price.currency }))}
      onSave={(drafts) => save({ rates: readRates(drafts) }, 'Rates')}
      view={creator.rates.length === 0 ? <Text size="sm" c="dimmed">No rates yet. Note what they quote per Reel, TikTok or story to compare offers later.</Text> : (
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {creator.rates.map((r) => (
              <Table.Tr key={r.deliverable}>
                <Table.Th scope="row" fw={400}><Text size="sm">{r.deliverable}</Text></Table.Th>
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
                <NumberField aria-label="Price" w={150} spec={price} value={r.amount}
                  onChange={(v) => put({ amount: v })} error={errorFor(errors, `rates.${i}.price`)} />
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

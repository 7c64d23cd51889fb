import { ActionIcon, Button, Group, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import type { RecordOf } from '../../../../shared/data/records';
import { platformLabels, platforms, type Platform } from '../../../../shared/data/schemas/creators';
import { numberFields } from '../../../../shared/domain/number-fields';
import { NumberField } from '../../components/number-field';
import { moneyText, newDeliverable, type OfferDraft, type OfferNumberKey } from './offer-draft';

const currencies = ['USD', 'EUR', 'GBP', 'PLN', 'CAD', 'AUD', 'CHF', 'SEK', 'JPY'];

/** Offer terms: fee, products and their value, deliverables with usage rights, bonus or commission, exclusivity. */
export function OfferForm({ draft, onChange, products, errors, problem, onSubmit, submitting }: {
  draft: OfferDraft; onChange: (draft: OfferDraft) => void; products: RecordOf<'products'>[];
  /** Refusals by field ("fee", "deliverables.0.quantity"), shown under each field. */
  errors: Record<string, string>;
  /** Anything else that stopped the save. */
  problem: string | null;
  onSubmit: () => void; submitting: boolean;
}) {
  const set = <K extends keyof OfferDraft>(key: K, value: OfferDraft[K]) => onChange({ ...draft, [key]: value });
  const productValue = useMemo(() => {
    const values = draft.productIds.map((id) => products.find((p) => p.id === id)?.value).filter((v) => v && v.currency === draft.currency);
    return values.length ? moneyText({ amountMicros: values.reduce((s, v) => s + v!.amountMicros, 0), currency: draft.currency }, numberFields.productValue) : '';
  }, [draft.productIds, draft.currency, products]);
  const number = (key: OfferNumberKey) => ({ value: draft[key], onChange: (text: string) => set(key, text), error: errors[key] });
  // Choosing products fills in their catalogue value; it stays editable (a bundle may be worth less).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { if (draft.productIds.length && productValue !== '') set('productValue', productValue); }, [draft.productIds.join()]);
  const setDeliverable = (index: number, patch: Partial<OfferDraft['deliverables'][number]>) =>
    set('deliverables', draft.deliverables.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  return (
    <Stack gap="sm" data-testid="offer-form">
      <SegmentedControl value={draft.by} onChange={(v) => set('by', v as OfferDraft['by'])} data={[
        { value: 'brand', label: 'We offer' }, { value: 'creator', label: 'Creator counters' },
      ]} />
      <Group grow align="flex-start">
        <NumberField label="Fee" spec={numberFields.fee} placeholder="e.g. 1,500" {...number('fee')} />
        <Select label="Currency" data={currencies.includes(draft.currency) ? currencies : [draft.currency, ...currencies]} value={draft.currency} onChange={(v) => set('currency', v ?? draft.currency)} allowDeselect={false} w={110} style={{ flexGrow: 0 }} />
        <NumberField label="Bonus" hint="Paid if targets are met" spec={numberFields.bonus} {...number('bonus')} />
      </Group>
      <Group grow align="flex-start">
        <MultiSelect label="Products" placeholder="Choose products" data={products.map((p) => ({ value: p.id, label: p.name }))} value={draft.productIds} onChange={(v) => set('productIds', v)} searchable />
        <NumberField label="Products’ value" spec={numberFields.productValue} {...number('productValue')} />
      </Group>
      <Group grow align="flex-start">
        <NumberField label="Commission on sales (%)" hint="Hybrid: on top of the fee" spec={numberFields.commissionPercent} {...number('commissionPercent')} />
        <NumberField label="Exclusivity (days)" hint="No competing brands for this long" spec={numberFields.exclusivityDays} {...number('exclusivityDays')} />
      </Group>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>Deliverables</Text>
          <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />}
            onClick={() => set('deliverables', [...draft.deliverables, newDeliverable()])}>Add a deliverable</Button>
        </Group>
        {draft.deliverables.length === 0 && <Text size="xs" c="dimmed">No deliverables yet: add what the creator will post, by when, and the usage rights you want.</Text>}
        {draft.deliverables.map((d, index) => (
          <Group key={d.id} gap={6} align="flex-end" wrap="nowrap" data-testid="deliverable-row">
            <NumberField label={index === 0 ? 'Qty' : undefined} aria-label="Quantity" w={64} spec={numberFields.quantity} value={d.quantity}
              onChange={(text) => setDeliverable(index, { quantity: text })} error={errors[`deliverables.${index}.quantity`]} />
            <Select label={index === 0 ? 'Platform' : undefined} aria-label="Platform" w={130} data={platforms.map((p) => ({ value: p, label: platformLabels[p] }))} value={d.platform} onChange={(v) => setDeliverable(index, { platform: (v ?? 'instagram') as Platform })} allowDeselect={false} />
            <TextInput label={index === 0 ? 'Format' : undefined} aria-label="Format" w={100} value={d.format} onChange={(e) => setDeliverable(index, { format: e.currentTarget.value })} />
            <TextInput label={index === 0 ? 'Due' : undefined} aria-label="Due date" type="date" w={140} value={d.dueOn} onChange={(e) => setDeliverable(index, { dueOn: e.currentTarget.value })} />
            <TextInput label={index === 0 ? 'Usage rights wanted' : undefined} aria-label="Usage rights wanted" placeholder="Paid ads, 3 months, US" style={{ flex: 1 }} value={d.usageRights} onChange={(e) => setDeliverable(index, { usageRights: e.currentTarget.value })} />
            <ActionIcon variant="subtle" color="gray" mb={4} aria-label="Remove deliverable" onClick={() => set('deliverables', draft.deliverables.filter((_, i) => i !== index))}><IconTrash size={16} /></ActionIcon>
          </Group>
        ))}
      </Stack>
      <Textarea label="Note" placeholder={draft.by === 'brand' ? 'What you told them, e.g. “Two reels in March, paid usage for 3 months”' : 'What they asked for and why'} autosize minRows={2} value={draft.note} onChange={(e) => set('note', e.currentTarget.value)} />
      {problem && <Text size="sm" c="red.7" role="alert">{problem}</Text>}
      <Group justify="flex-end">
        <Button onClick={onSubmit} loading={submitting}>{draft.by === 'brand' ? 'Log our offer' : 'Log their counter-offer'}</Button>
      </Group>
    </Stack>
  );
}

import { ActionIcon, Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { newId } from '../../../../shared/data/ids';
import type { RecordOf } from '../../../../shared/data/records';
import { platformLabels, platforms, type Platform } from '../../../../shared/data/schemas/creators';
import { MICROS } from '../../../../shared/domain/fields';
import type { OfferTerms } from '../../../../shared/domain/offers';

export interface OfferDraft {
  by: 'brand' | 'creator';
  currency: string;
  fee: number | '';
  productIds: string[];
  productValue: number | '';
  bonus: number | '';
  commissionPercent: number | '';
  exclusivityDays: number | '';
  deliverables: { id: string; platform: Platform; format: string; quantity: number; dueOn: string; usageRights: string }[];
  note: string;
}

const toMicros = (n: number | '') => (n === '' ? null : Math.round(n * MICROS));

/** A draft from terms (the last offer, so a counter starts from what is on the table). */
export function draftFrom(terms: OfferTerms | null, by: OfferDraft['by'], currency: string): OfferDraft {
  const major = (m: { amountMicros: number } | null) => (m ? m.amountMicros / MICROS : '');
  return {
    by,
    currency: terms?.fee?.currency ?? terms?.productValue?.currency ?? terms?.bonus?.currency ?? currency,
    fee: major(terms?.fee ?? null), productIds: terms?.productIds ?? [], productValue: major(terms?.productValue ?? null), bonus: major(terms?.bonus ?? null),
    commissionPercent: terms?.commissionPercent ?? '', exclusivityDays: terms?.exclusivityDays ?? '',
    deliverables: (terms?.deliverables ?? []).map((d) => ({ id: d.id, platform: d.platform, format: d.format, quantity: d.quantity, dueOn: d.dueOn ?? '', usageRights: d.usageRights })),
    note: '',
  };
}

export function termsFrom(draft: OfferDraft): OfferTerms {
  const money = (n: number | '') => { const micros = toMicros(n); return micros == null ? null : { amountMicros: micros, currency: draft.currency }; };
  return {
    fee: money(draft.fee), productIds: draft.productIds, productValue: money(draft.productValue), bonus: money(draft.bonus),
    commissionPercent: draft.commissionPercent === '' ? null : draft.commissionPercent,
    exclusivityDays: draft.exclusivityDays === '' ? null : draft.exclusivityDays,
    deliverables: draft.deliverables.map((d) => ({ ...d, dueOn: d.dueOn || null })),
  };
}

const currencies = ['USD', 'EUR', 'GBP', 'PLN', 'CAD', 'AUD', 'CHF', 'SEK', 'JPY'];

/** Offer terms: fee, products and their value, deliverables with usage rights, bonus or commission, exclusivity. */
export function OfferForm({ draft, onChange, products, errors, onSubmit, submitting }: {
  draft: OfferDraft; onChange: (draft: OfferDraft) => void; products: RecordOf<'products'>[]; errors: string[]; onSubmit: () => void; submitting: boolean;
}) {
  const set = <K extends keyof OfferDraft>(key: K, value: OfferDraft[K]) => onChange({ ...draft, [key]: value });
  const productValue = useMemo(() => {
    const values = draft.productIds.map((id) => products.find((p) => p.id === id)?.value).filter((v) => v && v.currency === draft.currency);
    return values.length ? values.reduce((s, v) => s + v!.amountMicros, 0) / MICROS : '';
  }, [draft.productIds, draft.currency, products]);
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
        <NumberInput label="Fee" min={0} decimalScale={2} thousandSeparator="," value={draft.fee} onChange={(v) => set('fee', v === '' ? '' : Number(v))} />
        <Select label="Currency" data={currencies.includes(draft.currency) ? currencies : [draft.currency, ...currencies]} value={draft.currency} onChange={(v) => set('currency', v ?? draft.currency)} allowDeselect={false} w={110} style={{ flexGrow: 0 }} />
        <NumberInput label="Bonus" description="Paid if targets are met" min={0} decimalScale={2} thousandSeparator="," value={draft.bonus} onChange={(v) => set('bonus', v === '' ? '' : Number(v))} />
      </Group>
      <Group grow align="flex-start">
        <MultiSelect label="Products" placeholder="Choose products" data={products.map((p) => ({ value: p.id, label: p.name }))} value={draft.productIds} onChange={(v) => set('productIds', v)} searchable />
        <NumberInput label="Products’ value" min={0} decimalScale={2} thousandSeparator="," value={draft.productValue} onChange={(v) => set('productValue', v === '' ? '' : Number(v))} />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label="Commission on sales (%)" description="Hybrid: on top of the fee" min={0} max={100} decimalScale={2} value={draft.commissionPercent} onChange={(v) => set('commissionPercent', v === '' ? '' : Number(v))} />
        <NumberInput label="Exclusivity (days)" description="No competing brands for this long" min={0} allowDecimal={false} value={draft.exclusivityDays} onChange={(v) => set('exclusivityDays', v === '' ? '' : Number(v))} />
      </Group>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>Deliverables</Text>
          <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />}
            onClick={() => set('deliverables', [...draft.deliverables, { id: newId('d-'), platform: 'instagram', format: 'reel', quantity: 1, dueOn: '', usageRights: '' }])}>Add a deliverable</Button>
        </Group>
        {draft.deliverables.length === 0 && <Text size="xs" c="dimmed">No deliverables yet: add what the creator will post, by when, and the usage rights you want.</Text>}
        {draft.deliverables.map((d, index) => (
          <Group key={d.id} gap={6} align="flex-end" wrap="nowrap" data-testid="deliverable-row">
            <NumberInput label={index === 0 ? 'Qty' : undefined} aria-label="Quantity" w={64} min={1} allowDecimal={false} value={d.quantity} onChange={(v) => setDeliverable(index, { quantity: Number(v) || 1 })} />
            <Select label={index === 0 ? 'Platform' : undefined} aria-label="Platform" w={130} data={platforms.map((p) => ({ value: p, label: platformLabels[p] }))} value={d.platform} onChange={(v) => setDeliverable(index, { platform: (v ?? 'instagram') as Platform })} allowDeselect={false} />
            <TextInput label={index === 0 ? 'Format' : undefined} aria-label="Format" w={100} value={d.format} onChange={(e) => setDeliverable(index, { format: e.currentTarget.value })} />
            <TextInput label={index === 0 ? 'Due' : undefined} aria-label="Due date" type="date" w={140} value={d.dueOn} onChange={(e) => setDeliverable(index, { dueOn: e.currentTarget.value })} />
            <TextInput label={index === 0 ? 'Usage rights wanted' : undefined} aria-label="Usage rights wanted" placeholder="Paid ads, 3 months, US" style={{ flex: 1 }} value={d.usageRights} onChange={(e) => setDeliverable(index, { usageRights: e.currentTarget.value })} />
            <ActionIcon variant="subtle" color="gray" mb={4} aria-label="Remove deliverable" onClick={() => set('deliverables', draft.deliverables.filter((_, i) => i !== index))}><IconTrash size={16} /></ActionIcon>
          </Group>
        ))}
      </Stack>
      <Textarea label="Note" placeholder={draft.by === 'brand' ? 'What you told them, e.g. “Two reels in March, paid usage for 3 months”' : 'What they asked for and why'} autosize minRows={2} value={draft.note} onChange={(e) => set('note', e.currentTarget.value)} />
      {errors.length > 0 && <Text size="sm" c="red.7" role="alert">{errors.join(' · ')}</Text>}
      <Group justify="flex-end">
        <Button onClick={onSubmit} loading={submitting}>{draft.by === 'brand' ? 'Log our offer' : 'Log their counter-offer'}</Button>
      </Group>
    </Stack>
  );
}

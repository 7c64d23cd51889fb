import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { newId } from '../../../../shared/data/ids';
import { MICROS, moneyFrom } from '../../../../shared/domain/fields';
import { numberFields } from '../../../../shared/domain/number-fields';
import { typedText } from '../../../../shared/domain/number-reader';
import { useSession } from '../../app/workspace-context';
import { CommandError } from '../../../../shared/data/command-error';
import { errorFor } from '../../components/field-errors';
import { NumberField } from '../../components/number-field';
import { numberLocale, numbersOrThrow } from '../../components/number-locale';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import type { ProductRow } from './seeding-rows';

const currencies = ['USD', 'EUR', 'GBP', 'PLN', 'CAD', 'AUD', 'SEK', 'CHF', 'BRL'];

interface Draft {
  name: string;
  sku: string;
  /** As typed: "-50" stays with its reason rather than becoming 0. */
  value: string;
  currency: string;
  description: string;
  variants: { id: string; name: string; sku: string }[];
}

const empty = (currency: string): Draft => ({ name: '', sku: '', value: '', currency, description: '', variants: [] });

/** Add or edit a product: name, SKU, value, and its sizes or shades with their own SKUs. */
export function ProductFormModal({ opened, onClose, product, defaultCurrency }: { opened: boolean; onClose: () => void; product: ProductRow | null; defaultCurrency: string }) {
  const session = useSession();
  const [draft, setDraft] = useState<Draft>(empty(defaultCurrency));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setDraft(product
      ? { name: product.name, sku: product.sku, value: product.value ? typedText(product.value.amountMicros / MICROS, numberFields.unitValue, numberLocale()) : '', currency: product.value?.currency ?? defaultCurrency, description: product.description, variants: product.variants.map((v) => ({ ...v })) }
      : empty(defaultCurrency));
  }, [opened, product, defaultCurrency]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setVariant = (index: number, patch: Partial<Draft['variants'][number]>) =>
    setDraft((d) => ({ ...d, variants: d.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) }));

  const save = async () => {
    const duplicate = draft.variants.find((v, i) => v.name.trim() && draft.variants.findIndex((w) => w.name.trim().toLowerCase() === v.name.trim().toLowerCase()) !== i);
    if (duplicate) {
      setErrors({ variants: `Two variants are called “${duplicate.name.trim()}”` });
      return;
    }
    let value: number | null;
    try {
      ({ value } = numbersOrThrow({ value: { text: draft.value, spec: numberFields.unitValue } }));
    } catch (error) {
      if (error instanceof CommandError) return setErrors(error.fields);
      throw error;
    }
    const input = {
      name: draft.name, sku: draft.sku.trim().toUpperCase(), description: draft.description,
      value: value == null ? null : moneyFrom(value, draft.currency),
      variants: draft.variants.filter((v) => v.name.trim() || v.sku.trim()).map((v) => ({ id: v.id, name: v.name, sku: v.sku.trim().toUpperCase() })),
    };
    setSaving(true);
    try {
      if (product) await session.commands.update('products', product.id, input);
      else await session.commands.create('products', input);
      notifyWithUndo(product ? `${draft.name.trim()} saved` : `${draft.name.trim()} added to the catalogue`, () => void session.commands.undo());
      onClose();
    } catch (error) {
      if (error instanceof CommandError && Object.keys(error.fields).length) setErrors(error.fields);
      else reportError('The product was not saved')(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={product ? `Edit ${product.name}` : 'Add a product'} size="lg">
      <Stack>
        <TextInput label="Product name" placeholder="Glow Serum 30 ml" data-autofocus value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errorFor(errors, 'name')} />
        <Group grow align="flex-start">
          <TextInput label="SKU" placeholder="GLW-30" description="As your shop and warehouse know it" inputWrapperOrder={['label', 'input', 'description', 'error']} value={draft.sku} onChange={(e) => set({ sku: e.currentTarget.value })} error={errorFor(errors, 'sku')} />
          <NumberField label="Value of one" hint="Retail value, for reports and customs" spec={numberFields.unitValue} value={draft.value} onChange={(v) => set({ value: v })} error={errorFor(errors, 'value')} />
          <Select label="Currency" data={currencies} value={draft.currency} onChange={(v) => set({ currency: v ?? defaultCurrency })} allowDeselect={false} />
        </Group>
        <Textarea label="Notes" placeholder="Shade range, what to tell creators about it…" autosize minRows={2} value={draft.description} onChange={(e) => set({ description: e.currentTarget.value })} />
        <Stack gap={6}>
          <Text fw={600} size="sm">Variants (sizes, shades)</Text>
          <Text size="xs" c="dimmed">Each variant a creator can choose, with its own SKU. Opt-in sizes are matched to these names (“41” finds “EU 41”).</Text>
          {draft.variants.map((v, index) => (
            <Group key={v.id} gap="xs" wrap="nowrap">
              <TextInput aria-label={`Variant ${index + 1} name`} placeholder="EU 41" value={v.name} onChange={(e) => setVariant(index, { name: e.currentTarget.value })} style={{ flex: 1 }} error={errorFor(errors, `variants.${index}.name`)} />
              <TextInput aria-label={`Variant ${index + 1} SKU`} placeholder={draft.sku ? `${draft.sku.toUpperCase()}-…` : 'SKU'} value={v.sku} onChange={(e) => setVariant(index, { sku: e.currentTarget.value })} style={{ flex: 1 }} />
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove variant ${v.name || index + 1}`} onClick={() => set({ variants: draft.variants.filter((_, i) => i !== index) })}><IconTrash size={16} /></ActionIcon>
            </Group>
          ))}
          {errors.variants && <Text size="xs" c="red">{errors.variants}</Text>}
          <Group>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => set({ variants: [...draft.variants, { id: newId(), name: '', sku: '' }] })}>Add a variant</Button>
          </Group>
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving}>{product ? 'Save product' : 'Add product'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

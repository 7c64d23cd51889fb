import { Alert, Button, Checkbox, FileButton, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { readOptInForm } from '../../../../shared/documents/read-form';
import { optInFromForm, optInSaveWrites } from '../../../../shared/domain/returned-opt-in';
import { addressComplete, optInGapLabels, optInGaps, type OptInDetails } from '../../../../shared/domain/campaign-roster';
import type { Address, EmailEntry } from '../../../../shared/domain/fields';
import { newId } from '../../../../shared/data/ids';
import { useSession } from '../../app/workspace-context';
import { countryOptions } from '../../components/countries';
import { errorFor } from '../../components/field-errors';
import { CommandError } from '../../../../shared/data/command-error';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { getMe } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';

const emptyAddress: Address = { name: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: '' };
/** The sizes a gifting team asks for most; anything else goes in "Other". */
const sizeFields = ['Top', 'Bottom', 'Shoe', 'Other'] as const;

interface Draft {
  address: Address; sizes: Record<string, string>; products: string[]; agreed: boolean;
  phone: string;
  /** Their own words from a returned form, saved as a note on their timeline. */
  creatorNotes: string;
  /** An email from a returned form that is not on their record; added on saving when ticked. */
  addEmail: { address: string; add: boolean } | null;
}

/**
 * The opt-in, taken on a call: address, sizes, product choice and their
 * yes to the terms, saved as one change (one Undo) with a line in the
 * creator's timeline. What is still missing is said as you type.
 */
export function OptInModal({ engagementId, creatorId, campaignId, creatorName, onClose }: {
  engagementId: string; creatorId: string; campaignId: string; creatorName: string; onClose: () => void;
}) {
  const session = useSession();
  const creator = useRxQuery<{ id: string; shippingAddress: Address | null; phone: string; emails: EmailEntry[] }>('creators', { selector: { id: creatorId } }, `opt-in-creator-${creatorId}`)?.[0];
  const engagement = useRxQuery<{ id: string; optIn: OptInDetails | null; repliedAt: string | null }>('engagements', { selector: { id: engagementId } }, `opt-in-engagement-${engagementId}`)?.[0];
  const products = useRxQuery<{ id: string; name: string }>('products', { selector: { deletedAt: null } }, 'opt-in-products');
  const campaign = useRxQuery<{ id: string; productIds: string[] }>('campaigns', { selector: { id: campaignId } }, `opt-in-campaign-${campaignId}`)?.[0];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [fromForm, setFromForm] = useState<{ file: string; notes: string[]; transcript: string[]; failed?: boolean } | null>(null);

  const current: Draft | null = draft ?? (creator && engagement ? {
    address: { ...emptyAddress, ...creator.shippingAddress },
    sizes: { ...engagement.optIn?.sizes },
    products: [...(engagement.optIn?.productPreferences ?? [])],
    agreed: !!engagement.optIn?.agreedAt,
    phone: creator.phone ?? '',
    creatorNotes: '',
    addEmail: null,
  } : null);
  const set = (patch: Partial<Draft>) => current && setDraft({ ...current, ...patch });
  const setAddress = (patch: Partial<Address>) => current && set({ address: { ...current.address, ...patch } });
  // A form the creator filled in and sent back: what they wrote goes into the fields, to be checked and saved.
  const readReturnedForm = async (file: File | null) => {
    if (!file || !current) return;
    try {
      const read = optInFromForm(await readOptInForm(new Uint8Array(await file.arrayBuffer())), new Map((products ?? []).map((p) => [p.id, p.name])));
      const known = (creator?.emails ?? []).some((e) => e.address.toLowerCase() === read.email.toLowerCase());
      const notes = [...read.review];
      if (read.phone && current.phone && read.phone !== current.phone) notes.push(`Their phone was ${current.phone}; the form gives ${read.phone}.`);
      setDraft({
        address: { ...current.address, ...read.address },
        sizes: { ...current.sizes, ...read.sizes },
        products: [...new Set([...current.products, ...read.products])],
        agreed: current.agreed || read.agreed,
        phone: read.phone || current.phone,
        creatorNotes: read.creatorNotes || current.creatorNotes,
        addEmail: read.email && !known ? { address: read.email, add: true } : current.addEmail,
      });
      setFromForm({ file: file.name, notes, transcript: read.transcript });
    } catch {
      setFromForm({ file: file.name, failed: true, transcript: [], notes: ['It is not a filled-in PDF form: ask the creator for the form they filled in and saved (not a scan or a photo).'] });
    }
  };
  // The campaign's products are what there is to choose from; the whole catalogue only when it names none.
  const campaignProducts = useMemo(() => (campaign?.productIds ?? []).map((id) => (products ?? []).find((p) => p.id === id)?.name).filter((n): n is string => !!n), [campaign, products]);
  const productChoices = useMemo(() => (campaignProducts.length ? campaignProducts : [...new Set((products ?? []).map((p) => p.name))].sort()), [campaignProducts, products]);

  const now = new Date().toISOString();
  const optIn = current ? {
    sizes: Object.fromEntries(Object.entries(current.sizes).filter(([, v]) => v.trim())),
    productPreferences: current.products.map((p) => p.trim()).filter(Boolean),
    addressConfirmedAt: addressComplete(current.address) ? (engagement?.optIn?.addressConfirmedAt ?? now) : null,
    agreedAt: current.agreed ? (engagement?.optIn?.agreedAt ?? now) : null,
  } : null;
  const gaps = optIn && current ? optInGaps(optIn, current.address) : [];

  const save = async () => {
    if (!current || !optIn) return;
    setSaving(true);
    const me = getMe();
    const filled = Object.values(current.address).some((v) => v.trim());
    try {
      await session.commands.applyAll(optInSaveWrites({
        creatorId, engagementId, campaignId, creatorName, address: filled ? current.address : null, optIn, gaps: gaps.map((g) => optInGapLabels[g]),
        phone: current.phone.trim() !== (creator?.phone ?? '') ? current.phone : null,
        emails: creator?.emails ?? [], addEmail: current.addEmail?.add ? current.addEmail.address : null,
        creatorNotes: current.creatorNotes,
        fromForm: fromForm && !fromForm.failed ? { fileName: fromForm.file, transcript: fromForm.transcript } : null,
        // An opt-in is an answer: it counts as the creator's reply when none was logged (reply rates, filters).
        repliedAt: engagement?.repliedAt ?? null,
        actor: { id: me.id, name: me.named ? me.name : null }, now, newId: () => newId(),
      }));
      notifyWithUndo(`Opt-in saved for ${creatorName}`, () => void session.commands.undo());
      onClose();
    } catch (error) {
      if (error instanceof CommandError && Object.keys(error.fields).length) setErrors(error.fields);
      else reportError('The opt-in was not saved')(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={<Title order={4}>Opt-in · {creatorName}</Title>} size="lg">
      {!current ? <Text size="sm" c="dimmed">Loading…</Text> : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" fw={600}>Where to send it</Text>
            <FileButton onChange={(file) => void readReturnedForm(file)} accept="application/pdf">
              {(props) => <Button {...props} size="xs" variant="light" leftSection={<IconFileImport size={14} />}>Read their returned form (PDF)</Button>}
            </FileButton>
          </Group>
          {fromForm && (
            <Alert color={fromForm.failed ? 'red' : fromForm.notes.length ? 'orange' : 'blue'} variant="light" data-testid="opt-in-from-form" withCloseButton onClose={() => setFromForm(null)}>
              {fromForm.failed ? `${fromForm.file} could not be read.` : `Filled in from ${fromForm.file}: check it, then save.`}{fromForm.notes.map((n) => ` ${n}`).join('')}
            </Alert>
          )}
          <TextInput label="Recipient" value={current.address.name} onChange={(e) => setAddress({ name: e.currentTarget.value })} error={errorFor(errors, 'shippingAddress.name')} data-autofocus />
          <TextInput label="Address" value={current.address.line1} onChange={(e) => setAddress({ line1: e.currentTarget.value })} error={errorFor(errors, 'shippingAddress.line1')} />
          <TextInput aria-label="Address line 2" placeholder="Apartment, floor… (optional)" value={current.address.line2} onChange={(e) => setAddress({ line2: e.currentTarget.value })} />
          <SimpleGrid cols={4} spacing="xs">
            <TextInput label="Postcode" value={current.address.postalCode} onChange={(e) => setAddress({ postalCode: e.currentTarget.value })} />
            <TextInput label="City" value={current.address.city} onChange={(e) => setAddress({ city: e.currentTarget.value })} />
            <TextInput label="Region / state" value={current.address.region} onChange={(e) => setAddress({ region: e.currentTarget.value })} />
            <Select label="Country" searchable data={countryOptions()} value={current.address.country || null} onChange={(v) => setAddress({ country: v ?? '' })} error={errorFor(errors, 'shippingAddress.country')} />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="xs">
            <TextInput label="Phone (for the courier)" value={current.phone} onChange={(e) => set({ phone: e.currentTarget.value })} error={errorFor(errors, 'phone')} />
            {current.addEmail && (
              <Checkbox mt="xl" label={`Add ${current.addEmail.address} to their emails`} checked={current.addEmail.add}
                onChange={(e) => set({ addEmail: { address: current.addEmail!.address, add: e.currentTarget.checked } })} />
            )}
          </SimpleGrid>
          <Text size="sm" fw={600} mt="xs">Sizes</Text>
          <SimpleGrid cols={4} spacing="xs">
            {[...new Set([...sizeFields, ...Object.keys(current.sizes)])].map((field) => (
              <TextInput key={field} label={field} value={current.sizes[field] ?? ''} onChange={(e) => set({ sizes: { ...current.sizes, [field]: e.currentTarget.value } })} />
            ))}
          </SimpleGrid>
          <TagsInput label="Product choice" data={productChoices} comboboxProps={{ withinPortal: true }}
            description={campaignProducts.length ? `This campaign's products: ${campaignProducts.join(', ')}. Add what they would like (shade, scent, model); press Enter after each.` : 'Type what they would like (shade, scent, model); press Enter after each.'}
            value={current.products} onChange={(products) => set({ products })} />
          <Textarea label="Notes from the creator" description="Saved as a note on their timeline (allergies, skin type, delivery times…)." autosize minRows={1}
            value={current.creatorNotes} onChange={(e) => set({ creatorNotes: e.currentTarget.value })} />
          <Checkbox label="They agreed to the campaign terms (what to post, by when, and the #ad disclosure)" checked={current.agreed} onChange={(e) => set({ agreed: e.currentTarget.checked })} />
          {gaps.length > 0
            ? <Alert color="orange" variant="light" title="Still missing" data-testid="opt-in-gaps">{gaps.map((g) => optInGapLabels[g]).join(' · ')}. You can save now and fill the rest later.</Alert>
            : <Alert color="teal" variant="light" data-testid="opt-in-gaps">Everything needed to ship is here.</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button onClick={() => void save()} loading={saving}>Save opt-in</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

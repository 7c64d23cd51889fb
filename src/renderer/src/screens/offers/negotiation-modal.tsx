import { Alert, Button, Divider, Grid, Group, Modal, NumberInput, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { CommandError } from '../../../../shared/data/command-error';
import { newId } from '../../../../shared/data/ids';
import type { RecordOf } from '../../../../shared/data/records';
import type { StoreOperation } from '../../../../shared/data/store';
import { campaignBudget, type BudgetEngagement, type BudgetPayment } from '../../../../shared/domain/campaign-budget';
import { formatMoney, MICROS, type Money } from '../../../../shared/domain/fields';
import { acceptOffer, describeTerms, latestOffer, withOffer, type Offer } from '../../../../shared/domain/offers';
import { useSession } from '../../app/workspace-context';
import { notifyWithUndo } from '../../components/undo-notification';
import { getMe } from '../../data/me';
import { BudgetCard } from './budget-card';
import { OfferForm, draftFrom, termsFrom, type OfferDraft } from './offer-form';
import { OfferHistory } from './offer-history';

type Engagement = RecordOf<'engagements'>;

function messagesOf(error: unknown): string[] {
  if (error instanceof CommandError && Object.keys(error.fields).length) return [...new Set(Object.values(error.fields))];
  return [error instanceof Error ? error.message : String(error)];
}

/** One creator's negotiation: the history, the next offer with its budget impact live, accepting, and payments. */
export function NegotiationModal({ engagement, creatorName, budget, engagements, payments, products, onClose }: {
  engagement: Engagement | null; creatorName: string; budget: Money | null; engagements: BudgetEngagement[]; payments: BudgetPayment[];
  products: RecordOf<'products'>[]; onClose: () => void;
}) {
  const session = useSession();
  const currency = budget?.currency ?? 'USD';
  const [draft, setDraft] = useState<OfferDraft | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState<'offer' | 'accept' | 'pay' | null>(null);
  const [payment, setPayment] = useState<number | ''>('');
  const engagementId = engagement?.id ?? null;

  useEffect(() => {
    if (!engagement) return;
    const latest = latestOffer(engagement);
    // A counter starts from what is on the table; the first offer from the agreed terms, if any.
    setDraft(draftFrom(latest?.terms ?? engagement.terms, latest && !latest.acceptedAt && latest.by === 'brand' ? 'creator' : 'brand', currency));
    setErrors([]);
    setPayment('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engagementId]);

  const draftTerms = useMemo(() => (draft ? termsFrom(draft) : null), [draft]);
  const live = useMemo(() => campaignBudget(budget, engagements, payments, { draft: engagement && draftTerms ? { engagementId: engagement.id, terms: draftTerms } : null }),
    [budget, engagements, payments, engagement, draftTerms]);
  const productName = (id: string) => products.find((p) => p.id === id)?.name;

  if (!engagement || !draft || !draftTerms) return <Modal opened={false} onClose={onClose}>{null}</Modal>;
  const me = getMe();
  const activity = (input: Record<string, unknown>) => ({
    kind: 'create' as const, collection: 'activities' as const, id: newId(),
    input: { actorId: me.id, creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: engagement.id, at: new Date().toISOString(), ...input },
  });

  /** Saves the changes as one step the notice can undo; what went wrong shows in the dialog, field by field. */
  const save = async (kind: NonNullable<typeof busy>, changes: () => StoreOperation[], done: string): Promise<boolean> => {
    setBusy(kind);
    try {
      await session.commands.applyAll(changes());
      setErrors([]);
      notifyWithUndo(done, () => void session.commands.undo());
      return true;
    } catch (error) {
      setErrors(messagesOf(error));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const logOffer = async () => {
    const at = new Date().toISOString();
    const offer: Offer = { at, by: draft.by, terms: draftTerms, note: draft.note.trim(), actorId: me.id, acceptedAt: null };
    const summary = describeTerms(draftTerms, productName);
    const saved = await save('offer', () => [
      { kind: 'update', collection: 'engagements', id: engagement.id, patch: { offers: withOffer(engagement.offers, offer) } },
      activity({ kind: 'offer', title: (draft.by === 'brand' ? `Offer: ${summary}` : `Counter-offer: ${summary}`).slice(0, 300), body: offer.note, at, data: { by: draft.by, offerAt: at } }),
    ], draft.by === 'brand' ? `Offer to ${creatorName} logged` : `${creatorName}’s counter-offer logged`);
    // The next offer is usually the other side's answer.
    if (saved) setDraft({ ...draft, by: draft.by === 'brand' ? 'creator' : 'brand', note: '' });
  };

  const accept = (offer: Offer) => save('accept', () => {
    const at = new Date().toISOString();
    const accepted = acceptOffer(engagement, offer.at, at);
    return [
      { kind: 'update', collection: 'engagements', id: engagement.id, patch: { offers: accepted.offers, terms: accepted.terms } },
      activity({ kind: 'offer', title: `Terms agreed: ${describeTerms(accepted.terms, productName)}`.slice(0, 300), at, data: { accepted: true, offerAt: offer.at } }),
    ];
  }, `Terms agreed with ${creatorName}`);

  const pay = async () => {
    if (payment === '' || payment <= 0) return setErrors(['Enter the amount paid']);
    const amount = { amountMicros: Math.round(payment * MICROS), currency };
    if (await save('pay', () => [activity({ kind: 'payment', title: `Paid ${formatMoney(amount)}`, data: { amount } })], `Payment to ${creatorName} logged`)) setPayment('');
  };

  return (
    <Modal opened onClose={onClose} size="90rem" title={<Title order={4}>Negotiation with {creatorName}</Title>}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            {engagement.terms && (
              <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Agreed terms" data-testid="agreed-terms">
                {describeTerms(engagement.terms, productName)}
              </Alert>
            )}
            <ScrollArea.Autosize mah={420} type="auto">
              <OfferHistory engagement={engagement} creatorName={creatorName} productName={productName} onAccept={(o) => void accept(o)} accepting={busy === 'accept'} />
            </ScrollArea.Autosize>
            {engagement.terms && (
              <>
                <Divider label="Payments" labelPosition="left" />
                <Group align="flex-end">
                  <NumberInput label={`Amount paid (${currency})`} min={0} decimalScale={2} thousandSeparator="," value={payment} onChange={(v) => setPayment(v === '' ? '' : Number(v))} w={200} />
                  <Button variant="default" loading={busy === 'pay'} onClick={() => void pay()}>Log payment</Button>
                </Group>
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <BudgetCard summary={live} title="Budget impact" draft />
            <Text fw={700}>Next offer</Text>
            <OfferForm draft={draft} onChange={setDraft} products={products} errors={errors} onSubmit={() => void logOffer()} submitting={busy === 'offer'} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Modal>
  );
}

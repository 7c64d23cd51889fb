import { Alert, Button, Divider, Grid, Group, Modal, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { CommandError } from '../../../../shared/data/command-error';
import { newId } from '../../../../shared/data/ids';
import type { RecordOf } from '../../../../shared/data/records';
import type { StoreOperation } from '../../../../shared/data/store';
import { aboutEngagement, activityRecord } from '../../../../shared/domain/activities';
import { campaignBudget, type BudgetEngagement, type BudgetPayment } from '../../../../shared/domain/campaign-budget';
import { formatMoney, moneyFrom, type Money } from '../../../../shared/domain/fields';
import { numberFields } from '../../../../shared/domain/number-fields';
import { acceptOfferOperations, describeTerms, latestOffer, logOfferOperations, reinstateOfferOperations, withdrawOfferOperations, type Offer } from '../../../../shared/domain/offers';
import { useSession } from '../../app/workspace-context';
import { NumberField } from '../../components/number-field';
import { numbersOrThrow } from '../../components/number-locale';
import { notifyWithUndo } from '../../components/undo-notification';
import { getMe } from '../../data/me';
import { BudgetCard } from './budget-card';
import { draftFrom, termsFrom, termsPreview, type OfferDraft } from './offer-draft';
import { OfferForm } from './offer-form';
import { OfferHistory } from './offer-history';

type Engagement = RecordOf<'engagements'>;

/** Field errors keyed as the form's fields: the form's own ("fee") or the store's ("offers.3.terms.fee.amountMicros"). */
function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof CommandError)) return {};
  return Object.fromEntries(Object.entries(error.fields).map(([key, message]) => [key.replace(/^(?:offers\.\d+\.)?terms\./, '').replace(/\.amountMicros$/, ''), message]));
}

const formFields = /^(?:fee|bonus|productValue|commissionPercent|exclusivityDays|deliverables\.\d+\.quantity)$/;

/** A field's error stays only while its text is what was refused. */
function stillRefused(errors: Record<string, string>, before: OfferDraft, after: OfferDraft): Record<string, string> {
  const at = (draft: OfferDraft, key: string) => key.split('.').reduce<unknown>((v, part) => (v as Record<string, unknown> | undefined)?.[part], draft);
  return Object.fromEntries(Object.entries(errors).filter(([key]) => at(before, key) === at(after, key)));
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
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'offer' | 'accept' | 'pay' | 'withdraw' | null>(null);
  const [payment, setPayment] = useState('');
  const engagementId = engagement?.id ?? null;

  useEffect(() => {
    if (!engagement) return;
    const latest = latestOffer(engagement);
    // A counter starts from what is on the table; the first offer from the agreed terms, if any.
    setDraft(draftFrom(latest?.terms ?? engagement.terms, latest && !latest.acceptedAt && latest.by === 'brand' ? 'creator' : 'brand', currency));
    setErrors([]);
    setFieldErrors({});
    setPayment('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engagementId]);

  // Live while typing: what can be read counts; a refused value counts as empty until it is fixed.
  const draftTerms = useMemo(() => (draft ? termsPreview(draft) : null), [draft]);
  const live = useMemo(() => campaignBudget(budget, engagements, payments, { draft: engagement && draftTerms ? { engagementId: engagement.id, terms: draftTerms } : null }),
    [budget, engagements, payments, engagement, draftTerms]);
  const productName = (id: string) => products.find((p) => p.id === id)?.name;

  if (!engagement || !draft || !draftTerms) return <Modal opened={false} onClose={onClose}>{null}</Modal>;
  const me = getMe();
  /** Saves the changes as one step the notice can undo; what went wrong shows in the dialog, field by field. */
  const save = async (kind: NonNullable<typeof busy>, changes: () => StoreOperation[], done: string): Promise<boolean> => {
    setBusy(kind);
    try {
      await session.commands.applyAll(changes());
      setErrors([]);
      setFieldErrors({});
      notifyWithUndo(done, () => void session.commands.undo());
      return true;
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const onForm = Object.fromEntries(Object.entries(fields).filter(([key]) => formFields.test(key)));
      const elsewhere = Object.entries(fields).filter(([key]) => !formFields.test(key)).map(([, message]) => message);
      setFieldErrors(onForm);
      setErrors(Object.keys(fields).length ? [...new Set(elsewhere)] : [error instanceof Error ? error.message : String(error)]);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const logOffer = async () => {
    const at = new Date().toISOString();
    const saved = await save('offer', () => {
      // Read on saving: a value that cannot be stored stops the save and is named under its field.
      const terms = termsFrom(draft);
      const offer: Offer = { at, by: draft.by, terms, note: draft.note.trim(), actorId: me.id, acceptedAt: null };
      return logOfferOperations(engagement, offer, { at, actorId: me.id, productName });
    }, draft.by === 'brand' ? `Offer to ${creatorName} logged` : `${creatorName}’s counter-offer logged`);
    // The next offer is usually the other side's answer.
    if (saved) setDraft({ ...draft, by: draft.by === 'brand' ? 'creator' : 'brand', note: '' });
  };

  const accept = (offer: Offer) => save('accept', () => acceptOfferOperations(engagement, offer.at, { at: new Date().toISOString(), actorId: me.id, productName }),
    `Terms agreed with ${creatorName}`);

  /** The amount typed, as money, or null with the reason shown under the field. */
  const paymentAmount = (): Money | null => {
    try {
      const { paid } = numbersOrThrow({ paid: { text: payment, spec: numberFields.amountPaid } });
      if (paid) return moneyFrom(paid, currency);
      setFieldErrors((prev) => ({ ...prev, paid: 'Enter the amount paid' }));
    } catch (error) {
      setFieldErrors((prev) => ({ ...prev, ...(error instanceof CommandError ? error.fields : {}) }));
    }
    return null;
  };

  const pay = async () => {
    const paid = paymentAmount();
    if (!paid) return;
    const line = { kind: 'payment' as const, title: `Paid ${formatMoney(paid)}`, at: new Date().toISOString(), actorId: me.id, ...aboutEngagement(engagement), data: { amount: paid } };
    if (await save('pay', () => [activityRecord(line, newId())], `Payment to ${creatorName} logged`)) setPayment('');
  };

  const withdraw = (offer: Offer) => save('withdraw', () => withdrawOfferOperations(engagement, offer.at, { at: new Date().toISOString(), actorId: me.id, productName }),
    `${offer.by === 'brand' ? 'Offer' : `${creatorName}’s counter-offer`} withdrawn`);
  const reinstate = (offer: Offer) => save('withdraw', () => reinstateOfferOperations(engagement, offer.at, { at: new Date().toISOString(), actorId: me.id, productName }),
    `${offer.by === 'brand' ? 'Offer' : `${creatorName}’s counter-offer`} put back`);

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
              <OfferHistory engagement={engagement} creatorName={creatorName} productName={productName} onAccept={(o) => void accept(o)} accepting={busy === 'accept'}
                onWithdraw={withdraw} onReinstate={(o) => void reinstate(o)} withdrawing={busy === 'withdraw'} />
            </ScrollArea.Autosize>
            {engagement.terms && (
              <>
                <Divider label="Payments" labelPosition="left" />
                <Group align="flex-end">
                  <NumberField label={`Amount paid (${currency})`} spec={numberFields.amountPaid} value={payment} w={200}
                    onChange={(text) => { setPayment(text); setFieldErrors(({ paid: _, ...rest }) => rest); }} error={fieldErrors.paid} />
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
            <OfferForm draft={draft} onChange={(next) => { setFieldErrors((e) => stillRefused(e, draft, next)); setDraft(next); }} products={products}
              errors={fieldErrors} problem={errors.length ? errors.join(' · ') : null} onSubmit={() => void logOffer()} submitting={busy === 'offer'} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Modal>
  );
}

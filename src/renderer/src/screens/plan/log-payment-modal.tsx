import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { activityInput } from '../../../../shared/domain/activities';
import { useEffect, useState } from 'react';
import { CommandError } from '../../../../shared/data/command-error';
import { todayIn } from '../../../../shared/domain/dates';
import { formatMoney, moneyFrom } from '../../../../shared/domain/fields';
import { numberFields } from '../../../../shared/domain/number-fields';
import { NumberField } from '../../components/number-field';
import { readTyped } from '../../components/number-locale';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { useMe } from '../../hooks/use-me';
import { dueAtFor } from '../../../../shared/domain/tasks';
import { viewerTimeZone } from '../tasks/task-record';

const currencies = ['USD', 'EUR', 'GBP', 'PLN', 'CAD', 'AUD'];

interface Props {
  opened: boolean;
  onClose: () => void;
  campaignId: string;
  currency: string;
  /** The creators in the campaign a payment can be for. */
  creators: { engagementId: string; creatorId: string; name: string }[];
}

/** Logs money paid to a creator: it counts as spent on the plan and shows in their timeline. */
export function LogPaymentModal({ opened, onClose, campaignId, currency: planCurrency, creators }: Props) {
  const session = useSession();
  const me = useMe();
  const timeZone = viewerTimeZone();
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(planCurrency);
  const [paidOn, setPaidOn] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setEngagementId(null); setAmount(''); setCurrency(planCurrency); setPaidOn(todayIn(timeZone)); setNote(''); setErrors({});
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const save = async () => {
    const problems: Record<string, string> = {};
    const creator = creators.find((c) => c.engagementId === engagementId);
    if (!creator) problems.creator = 'Choose who was paid';
    const read = readTyped(amount, numberFields.amountPaid);
    if (!read.ok) problems.amount = read.reason;
    else if (!read.value) problems.amount = 'Enter the amount paid';
    if (!paidOn) problems.paidOn = 'When was it paid?';
    else if (paidOn > todayIn(timeZone)) problems.paidOn = 'A payment cannot be in the future; log it once it is made';
    setErrors(problems);
    if (Object.keys(problems).length || !creator || !read.ok || !read.value) return;
    // At most two decimals (the reader refuses more), so this is the exact amount in micros.
    const paid = moneyFrom(read.value, currency);
    setBusy(true);
    try {
      const record = await session.commands.create('activities', activityInput({
        kind: 'payment', title: `Paid ${formatMoney(paid)}`, body: note, at: dueAtFor(paidOn, timeZone), actorId: me.id,
        creatorId: creator.creatorId, campaignId, engagementId: creator.engagementId, data: { amount: paid },
      }));
      notifyWithUndo(`Logged ${formatMoney(paid)} paid to ${creator.name}`, () => void session.commands.softDelete('activities', [record.id]).catch(reportError('Could not undo')));
      onClose();
    } catch (error) {
      if (error instanceof CommandError) setErrors({ amount: error.fields['data.amount.amountMicros'] ?? error.message });
      else reportError('This payment was not logged')(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Log a payment" centered>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <Stack>
          <Select label="Paid to" placeholder={creators.length ? 'Choose a creator in this campaign' : 'No creators in this campaign yet'} searchable withAsterisk
            data={creators.map((c) => ({ value: c.engagementId, label: c.name }))} value={engagementId} onChange={setEngagementId} error={errors.creator}
            nothingFoundMessage="Nobody by that name in this campaign" />
          <SimpleGrid cols={2}>
            <NumberField label="Amount" withAsterisk spec={numberFields.amountPaid} placeholder="e.g. 1,500" value={amount}
              onChange={(text) => { setAmount(text); setErrors(({ amount: _, ...rest }) => rest); }} error={errors.amount} />
            <Select label="Currency" data={currencies.includes(planCurrency) ? currencies : [planCurrency, ...currencies]} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} />
          </SimpleGrid>
          <TextInput type="date" label="Paid on" withAsterisk value={paidOn} onChange={(e) => setPaidOn(e.currentTarget.value)} error={errors.paidOn} />
          <TextInput label="Note" placeholder="Invoice 2026-114, bank transfer" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>Log payment</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Card, Group, NumberInput, Select, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { CommandError } from '../../../../shared/data/command-error';
import { isValidTimeZone, type FollowUpRule } from '../../../../shared/domain/follow-ups';
import { useSession } from '../../app/workspace-context';
import { errorFor } from '../../components/field-errors';
import { notifyWithUndo } from '../../components/undo-notification';
import { localTimeZone, storedRuleOf, type Campaign } from './use-outreach-data';

const LOCAL = '__local';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

/** The campaign's follow-up rule: how long to wait, how many nudges, in whose calendar. */
export function FollowUpRuleCard({ campaign }: { campaign: Campaign }) {
  const session = useSession();
  const saved = storedRuleOf(campaign);
  const [rule, setRule] = useState<FollowUpRule>(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = JSON.stringify(saved);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setRule(saved), [key]);
  const localZone = localTimeZone();
  const zones = useMemo(() => {
    const list = timeZones();
    return [{ value: LOCAL, label: `Each computer’s own (here ${localZone})` }, ...(list.includes('UTC') ? list : ['UTC', ...list]).map((z) => ({ value: z, label: z }))];
  }, [localZone]);
  const dirty = JSON.stringify(rule) !== key;

  const save = async () => {
    if (rule.timeZone && !isValidTimeZone(rule.timeZone)) return setErrors({ 'followUpRule.timeZone': 'Choose a time zone from the list' });
    try {
      await session.commands.update('campaigns', campaign.id, { followUpRule: rule });
      setErrors({});
      notifyWithUndo('Follow-up rule saved', () => void session.commands.undo());
    } catch (error) {
      if (error instanceof CommandError) setErrors(error.fields);
      else throw error;
    }
  };

  return (
    <Card withBorder radius="lg" data-testid="follow-up-rule">
      <Stack gap="sm">
        <Stack gap={0}>
          <Text fw={700}>Follow-up rule</Text>
          <Text size="xs" c="dimmed">Creators who have not answered come back in “Needs follow-up today”. A reply or a decline stops the follow-ups.</Text>
        </Stack>
        <Group align="flex-end" gap="sm">
          <NumberInput label="Follow up after (days)" w={170} min={1} max={60} allowDecimal={false} value={rule.afterDays}
            onChange={(v) => setRule((r) => ({ ...r, afterDays: Number(v) || 1 }))} error={errorFor(errors, 'followUpRule.afterDays')} />
          <NumberInput label="At most (follow-ups)" w={170} min={0} max={5} allowDecimal={false} value={rule.maxFollowUps}
            onChange={(v) => setRule((r) => ({ ...r, maxFollowUps: Number(v) || 0 }))} error={errorFor(errors, 'followUpRule.maxFollowUps')} />
          <Select label="Team time zone" w={260} searchable data={zones} value={rule.timeZone || LOCAL} allowDeselect={false}
            onChange={(v) => setRule((r) => ({ ...r, timeZone: !v || v === LOCAL ? '' : v }))} error={errorFor(errors, 'followUpRule.timeZone')} />
          <Switch label="Working days only (Mon–Fri)" checked={rule.businessDays} onChange={(e) => { const on = e.currentTarget.checked; setRule((r) => ({ ...r, businessDays: on })); }} mb={8} />
          <Button disabled={!dirty} onClick={() => void save()}>Save rule</Button>
        </Group>
      </Stack>
    </Card>
  );
}

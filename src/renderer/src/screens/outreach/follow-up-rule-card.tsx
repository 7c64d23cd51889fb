import { Button, Card, Group, Select, Stack, Switch, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { CommandError } from '../../../../shared/data/command-error';
import { isValidTimeZone } from '../../../../shared/domain/dates';
import type { FollowUpRule } from '../../../../shared/domain/follow-ups';
import { numberFields } from '../../../../shared/domain/number-fields';
import { typedText } from '../../../../shared/domain/number-reader';
import { useSession } from '../../app/workspace-context';
import { errorFor } from '../../components/field-errors';
import { NumberField } from '../../components/number-field';
import { numberLocale, numbersOrThrow } from '../../components/number-locale';
import { notifyWithUndo } from '../../components/undo-notification';
import { localTimeZone, storedRuleOf, type Campaign } from './use-outreach-data';

const LOCAL = '__local';
const AFTER = 'followUpRule.afterDays';
const MOST = 'followUpRule.maxFollowUps';

const afterText = (rule: FollowUpRule) => typedText(rule.afterDays, numberFields.followUpAfterDays, numberLocale());
const mostText = (rule: FollowUpRule) => typedText(rule.maxFollowUps, numberFields.maxFollowUps, numberLocale());

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
  // The two numbers as typed: "-3" stays on screen with its reason instead of becoming 0 (follow-ups silently off).
  const [after, setAfter] = useState(afterText(saved));
  const [most, setMost] = useState(mostText(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = JSON.stringify(saved);
  useEffect(() => {
    setRule(saved);
    setAfter(afterText(saved));
    setMost(mostText(saved));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const localZone = localTimeZone();
  const zones = useMemo(() => {
    const list = timeZones();
    return [{ value: LOCAL, label: `Each computer’s own (here ${localZone})` }, ...(list.includes('UTC') ? list : ['UTC', ...list]).map((z) => ({ value: z, label: z }))];
  }, [localZone]);
  const dirty = JSON.stringify(rule) !== key || after !== afterText(saved) || most !== mostText(saved);

  const save = async () => {
    if (rule.timeZone && !isValidTimeZone(rule.timeZone)) return setErrors({ 'followUpRule.timeZone': 'Choose a time zone from the list' });
    try {
      const read = numbersOrThrow({ [AFTER]: { text: after, spec: numberFields.followUpAfterDays }, [MOST]: { text: most, spec: numberFields.maxFollowUps } });
      const afterDays = read[AFTER];
      const maxFollowUps = read[MOST];
      // An emptied field is asked for, never read as 0.
      if (afterDays == null || maxFollowUps == null) {
        return setErrors({
          ...(afterDays == null ? { [AFTER]: 'Say after how many days to follow up' } : {}),
          ...(maxFollowUps == null ? { [MOST]: 'Say how many follow-ups at most (0 for none)' } : {}),
        });
      }
      await session.commands.update('campaigns', campaign.id, { followUpRule: { ...rule, afterDays, maxFollowUps } });
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
        <Group align="flex-start" gap="sm">
          <NumberField label="Follow up after (days)" w={190} spec={numberFields.followUpAfterDays} value={after} onChange={setAfter} error={errorFor(errors, AFTER)} />
          <NumberField label="At most (follow-ups)" w={190} spec={numberFields.maxFollowUps} value={most} onChange={setMost} error={errorFor(errors, MOST)} />
          <Select label="Team time zone" w={260} searchable data={zones} value={rule.timeZone || LOCAL} allowDeselect={false}
            onChange={(v) => setRule((r) => ({ ...r, timeZone: !v || v === LOCAL ? '' : v }))} error={errorFor(errors, 'followUpRule.timeZone')} />
          <Switch label="Working days only (Mon–Fri)" checked={rule.businessDays} onChange={(e) => { const on = e.currentTarget.checked; setRule((r) => ({ ...r, businessDays: on })); }} mt={33} />
          <Button disabled={!dirty} onClick={() => void save()} mt={25}>Save rule</Button>
        </Group>
      </Stack>
    </Card>
  );
}

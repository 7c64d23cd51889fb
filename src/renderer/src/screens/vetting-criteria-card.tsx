import { ActionIcon, Button, Card, Group, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { numberFields } from '../../../shared/domain/number-fields';
import { typedText } from '../../../shared/domain/number-reader';
import { recommendedCriteria, SCORECARD_FORMULA } from '../../../shared/domain/scorecard';
import { useSession } from '../app/workspace-context';
import { NumberField } from '../components/number-field';
import { numberLocale, readTyped } from '../components/number-locale';
import { reportError } from '../components/report-error';
import { notifyWithUndo } from '../components/undo-notification';
import { useCriteria } from '../hooks/use-criteria';

/** The criteria every scorecard in this workspace uses, with their weights; shared with the team. */
export function VettingCriteriaCard() {
  const session = useSession();
  const criteria = useCriteria();
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => setNames(Object.fromEntries((criteria ?? []).map((c) => [c.id, c.name]))), [criteria]);
  // Weights as typed. A stored weight replaces the text only when it changed (a teammate, an undo):
  // the save of "2" must not wipe the "2." someone is still typing, nor a refused "-2" with its reason.
  const [weights, setWeights] = useState<Record<string, string>>({});
  const seen = useRef(new Map<string, number>());
  useEffect(() => {
    const changed = (criteria ?? []).filter((c) => seen.current.get(c.id) !== c.weight);
    for (const c of changed) seen.current.set(c.id, c.weight);
    if (changed.length) setWeights((w) => ({ ...w, ...Object.fromEntries(changed.map((c) => [c.id, typedText(c.weight, numberFields.vettingWeight, numberLocale())])) }));
  }, [criteria]);

  /** Saved as soon as it reads as a weight; a value that cannot be a weight stays in the box with its reason, unsaved. */
  const typeWeight = (id: string, text: string) => {
    setWeights((w) => ({ ...w, [id]: text }));
    const read = readTyped(text, numberFields.vettingWeight);
    if (read.ok && read.value != null) setData(id, read.value);
  };
  const setData = (id: string, weight: number) => {
    const current = criteria?.find((c) => c.id === id);
    if (!current || current.weight === weight) return;
    void session.commands.update('settings', id, { data: { weight, description: current.description } }).catch(reportError('The weight was not saved'));
  };
  const rename = (id: string) => {
    const name = names[id]?.trim();
    const current = criteria?.find((c) => c.id === id);
    if (!current || !name || name === current.name) return setNames((n) => ({ ...n, [id]: current?.name ?? '' }));
    void session.commands.update('settings', id, { name }).catch(reportError('The criterion was not renamed'));
  };
  const add = (name: string, weight = 1, description = '') =>
    session.commands.create('settings', { kind: 'scorecard-criterion', name, data: { weight, description } });
  const remove = async (id: string, name: string) => {
    await session.commands.softDelete('settings', [id]);
    notifyWithUndo(`“${name}” removed from scorecards (past scores are kept)`, () => void session.commands.restore('settings', [id]));
  };

  return (
    <Card withBorder radius="lg" data-testid="vetting-criteria">
      <Stack gap={0} mb="sm">
        <Text fw={700}>Vetting criteria</Text>
        <Text size="sm" c="dimmed">What your team scores creators on, 1 to 5, before inviting them. {SCORECARD_FORMULA} A weight of 0 pauses a criterion.</Text>
      </Stack>
      {criteria && criteria.length === 0 && (
        <Group>
          <Button variant="light" onClick={() => void Promise.all(recommendedCriteria.map((c) => add(c.name, c.weight, c.description))).catch(reportError('The criteria were not added'))}>
            Use the recommended criteria
          </Button>
          <Text size="sm" c="dimmed">Audience fit (counts double), content quality, engagement, brand safety, past performance.</Text>
        </Group>
      )}
      <Stack gap={6}>
        {criteria?.map((c) => (
          <Group key={c.id} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput aria-label="Criterion" style={{ flex: 1 }} value={names[c.id] ?? c.name} onChange={(e) => setNames((n) => ({ ...n, [c.id]: e.currentTarget.value }))}
              onBlur={() => rename(c.id)} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} />
            <Tooltip label="Weight: how much it counts" withArrow>
              <NumberField aria-label={`${c.name} weight`} w={150} leftSection="×" spec={numberFields.vettingWeight} value={weights[c.id] ?? ''}
                hint={weights[c.id]?.trim() ? undefined : 'Empty: not saved'} onChange={(text) => typeWeight(c.id, text)} />
            </Tooltip>
            <ActionIcon variant="subtle" color="red" onClick={() => void remove(c.id, c.name)} aria-label={`Remove ${c.name}`}><IconTrash size={16} /></ActionIcon>
          </Group>
        ))}
      </Stack>
      {criteria && criteria.length > 0 && (
        <Button mt="sm" variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />}
          onClick={() => void add(`Criterion ${criteria.length + 1}`).catch(reportError('The criterion was not added'))}>Add a criterion</Button>
      )}
    </Card>
  );
}

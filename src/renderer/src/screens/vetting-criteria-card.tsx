import { ActionIcon, Button, Card, Group, NumberInput, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { recommendedCriteria, SCORECARD_FORMULA } from '../../../shared/domain/scorecard';
import { useSession } from '../app/workspace-context';
import { reportError } from '../components/report-error';
import { notifyWithUndo } from '../components/undo-notification';
import { useCriteria } from '../hooks/use-criteria';

/** The criteria every scorecard in this workspace uses, with their weights; shared with the team. */
export function VettingCriteriaCard() {
  const session = useSession();
  const criteria = useCriteria();
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => setNames(Object.fromEntries((criteria ?? []).map((c) => [c.id, c.name]))), [criteria]);

  const setData = (id: string, weight: number) => {
    const current = criteria?.find((c) => c.id === id);
    if (!current) return;
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
          <Group key={c.id} gap="xs" wrap="nowrap">
            <TextInput aria-label="Criterion" style={{ flex: 1 }} value={names[c.id] ?? c.name} onChange={(e) => setNames((n) => ({ ...n, [c.id]: e.currentTarget.value }))}
              onBlur={() => rename(c.id)} onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} />
            <Tooltip label="Weight: how much it counts" withArrow>
              <NumberInput aria-label={`${c.name} weight`} w={90} min={0} max={5} step={0.5} decimalScale={1} prefix="×" value={c.weight}
                onChange={(v) => typeof v === 'number' && setData(c.id, v)} />
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

import { Button, Group, Rating, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Criterion, CriterionScore } from '../../../../shared/domain/scorecard';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';

/** Scores per criterion, shown read-only until "Score" is pressed; a save is one undoable change with history. */
export function ScorecardEditor({ engagementId, scores, criteria, readOnly }: { engagementId: string; scores: CriterionScore[]; criteria: Criterion[]; readOnly: boolean }) {
  const session = useSession();
  const [draft, setDraft] = useState<Map<string, CriterionScore> | null>(null);
  const byId = new Map(scores.map((s) => [s.criterionId, s]));

  if (!draft) {
    const scored = criteria.filter((c) => byId.has(c.id));
    return (
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          {scored.length === 0 && <Text size="xs" c="dimmed">Not scored yet.</Text>}
          {scored.map((c) => (
            <Group key={c.id} gap={6} wrap="nowrap">
              <Text size="xs" w={120}>{c.name}</Text>
              <Rating value={byId.get(c.id)!.score} readOnly size="xs" />
              {byId.get(c.id)!.note && <Text size="xs" c="dimmed" lineClamp={1}>{byId.get(c.id)!.note}</Text>}
            </Group>
          ))}
        </Stack>
        {!readOnly && <Button size="compact-xs" variant="light" style={{ flexShrink: 0 }} onClick={() => setDraft(new Map(scores.map((s) => [s.criterionId, { ...s }])))}>{scored.length ? 'Edit scores' : 'Score'}</Button>}
      </Group>
    );
  }

  const put = (criterionId: string, patch: Partial<CriterionScore>) => {
    const next = new Map(draft);
    next.set(criterionId, { criterionId, score: 0, note: '', ...draft.get(criterionId), ...patch });
    setDraft(next);
  };
  const save = async () => {
    // Scores of criteria since removed are kept: they are part of what was decided then.
    const scorecard = [...draft.values()].filter((s) => s.score >= 1);
    try {
      await session.commands.update('engagements', engagementId, { scorecard });
      notifyWithUndo('Scorecard saved', () => void session.commands.undo());
      setDraft(null);
    } catch (error) {
      reportError('The scorecard was not saved')(error);
    }
  };
  return (
    <Stack gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
      {criteria.map((c) => (
        <Group key={c.id} gap="xs" wrap="nowrap" align="center">
          <Text size="sm" w={130}>{c.name}{c.weight !== 1 ? <Text span size="xs" c="dimmed"> ×{c.weight}</Text> : null}</Text>
          <Rating value={draft.get(c.id)?.score ?? 0} onChange={(score) => put(c.id, { score })} aria-label={`${c.name} score`} />
          <TextInput size="xs" style={{ flex: 1 }} placeholder="Why this score?" aria-label={`${c.name} note`} value={draft.get(c.id)?.note ?? ''}
            onChange={(e) => put(c.id, { note: e.currentTarget.value })} maxLength={1000} />
        </Group>
      ))}
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={() => setDraft(null)}>Cancel</Button>
        <Button size="xs" onClick={() => void save()}>Save scores</Button>
      </Group>
    </Stack>
  );
}

import { Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { FieldChangeView } from '../../../../shared/data/history';
import type { ChecklistItem } from '../../../../shared/domain/review-rounds';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { useRxQuery } from '../../hooks/use-rx-query';
import { formatWhen, teammateName, useTeammates, type ContentRow } from './review-data';

interface ActivityRow { id: string; title: string; body: string; at: string; actorId: string | null; data: { contentId?: string; byName?: string | null } }
interface Line { at: string; who: string; text: string; detail?: string }

/** What changed across every round, newest first: drafts, decisions (from the timeline), ticks and reviewer changes (from each round's history). */
export function ReviewTimeline({ rounds }: { rounds: ContentRow[] }) {
  const session = useSession();
  const teammates = useTeammates();
  const ids = rounds.map((r) => r.id);
  const key = rounds.map((r) => `${r.id}:${r.updatedAt ?? ''}`).join(',');
  const activities = useRxQuery<ActivityRow>('activities', { selector: { kind: 'content', creatorId: rounds[0]?.creatorId ?? '-', deletedAt: null } }, `review-timeline-${rounds[0]?.creatorId}`);
  const [history, setHistory] = useState<Record<string, FieldChangeView[]>>({});
  useEffect(() => {
    let live = true;
    Promise.all(ids.map(async (id) => [id, await session.commands.history('content', id)] as const))
      .then((pairs) => live && setHistory(Object.fromEntries(pairs)), reportError('The review history could not be read'));
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, key]);

  const lines = useMemo(() => {
    const out: Line[] = [];
    const who = (id: string | null, byName?: string | null) => (id ? teammateName(teammates, id) : byName ?? 'Someone');
    for (const a of activities ?? []) if (a.data.contentId && ids.includes(a.data.contentId)) out.push({ at: a.at, who: who(a.actorId, a.data.byName), text: a.title, detail: a.body || undefined });
    for (const round of rounds) {
      for (const change of history[round.id] ?? []) {
        const by = change.byName ?? teammateName(teammates, change.by);
        if (change.field === 'checklist') {
          const before = new Map(((change.previous as ChecklistItem[] | null) ?? []).map((i) => [i.id, i.done]));
          for (const item of (change.value as ChecklistItem[]) ?? []) {
            if (!before.has(item.id)) out.push({ at: change.at, who: by, text: `Added “${item.label}” to the checklist of v${round.round}` });
            else if (before.get(item.id) !== item.done) out.push({ at: change.at, who: by, text: `${item.done ? 'Ticked' : 'Unticked'} “${item.label}” on v${round.round}` });
          }
        } else if (change.field === 'assigneeId') {
          out.push({ at: change.at, who: by, text: `Assigned v${round.round} to ${teammateName(teammates, change.value as string | null)}` });
        }
      }
    }
    return out.sort((a, b) => (a.at < b.at ? 1 : -1));
  }, [activities, history, rounds, ids, teammates]);

  return (
    <Card withBorder radius="lg" data-testid="review-timeline">
      <Text fw={700} mb="sm">History</Text>
      {lines.length === 0 && <Text size="sm" c="dimmed">Every draft, tick and decision will be listed here, with who and when.</Text>}
      <Stack gap={8}>
        {lines.slice(0, 40).map((l, i) => (
          <Stack key={i} gap={0}>
            <Group gap={6} wrap="nowrap"><Text size="sm"><b>{l.who}</b> · {l.text}</Text></Group>
            {l.detail && <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{l.detail}</Text>}
            <Text size="xs" c="dimmed">{formatWhen(l.at)}</Text>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

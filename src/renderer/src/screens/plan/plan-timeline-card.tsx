import { Card, Text, Timeline } from '@mantine/core';
import { IconCalendarEvent, IconFlag, IconListCheck, IconPackage } from '@tabler/icons-react';
import type { PlanDocument } from '../../../../shared/domain/plan-document';
import { formatDay } from '../tasks/task-record';

const iconFor = (what: string) => (what.startsWith('Task:') ? <IconListCheck size={12} /> : what.includes('deliverable') ? <IconPackage size={12} /> : what.includes('ends') ? <IconFlag size={12} /> : <IconCalendarEvent size={12} />);

/** The key dates in order: start, deliverables due, tasks, end; what is behind us is filled in. */
export function PlanTimelineCard({ plan, today }: { plan: PlanDocument; today: string }) {
  // A long campaign keeps its start and end, the last few dates behind us and the next ones ahead.
  const shown = plan.timeline.length <= 10 ? plan.timeline : (() => {
    const edge = (what: string) => / (starts|ends)$/.test(what);
    const past = plan.timeline.filter((t) => !edge(t.what) && t.date < today).slice(-3);
    const next = plan.timeline.filter((t) => !edge(t.what) && t.date >= today).slice(0, 5);
    const keep = new Set([...plan.timeline.filter((t) => edge(t.what)), ...past, ...next]);
    return plan.timeline.filter((t) => keep.has(t));
  })();
  const active = shown.filter((t) => t.date < today).length - 1;
  return (
    <Card withBorder radius="lg" p="lg" data-testid="plan-timeline">
      <Text fw={700} size="lg" mb="md">Timeline</Text>
      {plan.timeline.length === 0 && <Text size="sm" c="dimmed">No dates yet. Give the campaign start and end dates, and agree deliverables with due dates; they line up here and on the calendar.</Text>}
      <Timeline active={active} bulletSize={22} lineWidth={2}>
        {shown.map((t, i) => (
          <Timeline.Item key={`${t.date}-${i}`} bullet={iconFor(t.what)} title={<Text size="sm" fw={600}>{t.what}</Text>}>
            <Text size="xs" c={t.date === today ? 'fanfare.7' : 'dimmed'}>{t.date === today ? 'Today' : formatDay(t.date, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {shown.length < plan.timeline.length && <Text size="xs" c="dimmed" mt="sm">{plan.timeline.length - shown.length} more dates in the export and on the calendar.</Text>}
    </Card>
  );
}

import { Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCash, IconFileSpreadsheet, IconPencil } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { todayIn } from '../../../../shared/domain/dates';
import { buildPlanDocument, type PlanCampaign, type PlanEngagement } from '../../../../shared/domain/plan-document';
import type { BudgetPayment } from '../../../../shared/domain/plan-budget';
import { dueDateOf } from '../../../../shared/domain/tasks';
import { reportError } from '../../components/report-error';
import { useRxQuery } from '../../hooks/use-rx-query';
import { CampaignFormModal, statusLabels, type EditableCampaign } from '../campaign-form-modal';
import { activationLabels, objectiveLabels } from '../campaign-row';
import { RecordTasksCard } from '../tasks/record-tasks-card';
import { viewerTimeZone } from '../tasks/task-record';
import { useTasks } from '../tasks/use-tasks';
import { useTeammates } from '../tasks/use-teammates';
import { exportPlan } from './export-plan';
import { LogPaymentModal } from './log-payment-modal';
import { PlanBucketsCard } from './plan-buckets-card';
import { PlanBudgetCard } from './plan-budget-card';
import { PlanMessagesCard } from './plan-messages-card';
import { PlanProductsCard } from './plan-products-card';
import { PlanSummaryCard } from './plan-summary-card';
import { PlanTimelineCard } from './plan-timeline-card';

type CampaignRecord = PlanCampaign & EditableCampaign & { deletedAt: string | null };

/**
 * The campaign's plan as a director would present it: objective and KPIs,
 * audience buckets against targets, the budget split, key messages, the
 * timeline; edited in one form and exported to Excel.
 */
export function PlanTab({ campaignId }: { campaignId: string }) {
  const found = useRxQuery<CampaignRecord>('campaigns', { selector: { id: campaignId } }, `plan-campaign-${campaignId}`);
  const engagements = useRxQuery<PlanEngagement>('engagements', { selector: { campaignId, deletedAt: null } }, `plan-engagements-${campaignId}`);
  const payments = useRxQuery<BudgetPayment>('activities', { selector: { campaignId, kind: 'payment', deletedAt: null } }, `plan-payments-${campaignId}`);
  const tasks = useTasks({ campaignId });
  const creatorIds = useMemo(() => [...new Set((engagements ?? []).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<{ id: string; name: string; followersMax: number }>('creators', { selector: { id: { $in: creatorIds } } },
    `plan-creators-${campaignId}-${creatorIds.length}-${creatorIds[0] ?? ''}-${creatorIds.at(-1) ?? ''}`);
  const workspace = useRxQuery<{ kind: string; data: { currency?: string } }>('settings', { selector: { kind: 'workspace', deletedAt: null } }, 'plan-workspace');
  const campaign = found?.[0];
  const { nameOf } = useTeammates(campaign?.ownerId ? [campaign.ownerId] : []);
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [paying, setPaying] = useState(false);
  const timeZone = viewerTimeZone();
  const today = todayIn(timeZone);

  const plan = useMemo(() => {
    if (!campaign || !engagements || !payments || !tasks) return null;
    return buildPlanDocument({
      campaign: { ...campaign, kpiTargets: campaign.kpiTargets ?? [], keyMessages: campaign.keyMessages ?? [], buckets: campaign.buckets ?? [], steps: campaign.steps ?? [] },
      engagements,
      activities: payments,
      tasks: tasks.map((t) => ({ title: t.title, dueOn: dueDateOf(t, timeZone), done: !!t.doneAt })),
      creators: new Map((creators ?? []).map((c) => [c.id, { name: c.name, followersMax: c.followersMax ?? 0 }])),
      ownerName: nameOf(campaign.ownerId) ?? '',
      labels: { model: (m) => activationLabels[m] ?? m, objective: (o) => objectiveLabels[o] ?? o, status: (s) => statusLabels[s] ?? s },
      fallbackCurrency: typeof workspace?.[0]?.data?.currency === 'string' ? workspace[0].data.currency : 'USD',
      today,
    });
  }, [campaign, engagements, payments, tasks, creators, nameOf, workspace, today, timeZone]);

  const payees = useMemo(() => {
    const names = new Map((creators ?? []).map((c) => [c.id, c.name]));
    return (engagements ?? []).filter((e) => !e.declinedAt).map((e) => ({ engagementId: e.id, creatorId: e.creatorId, name: names.get(e.creatorId) ?? 'A creator' }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [engagements, creators]);

  if (!campaign || !plan) return null;
  const readOnly = !!campaign.deletedAt;

  const download = async () => {
    setExporting(true);
    try {
      const fileName = await exportPlan(plan);
      notifications.show({ color: 'teal', message: `Saved ${fileName}` });
    } catch (error) {
      reportError('The plan was not exported')(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="md" data-testid="plan-tab">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed" maw={560}>The plan as you would present it: what we want, from whom, for how much, saying what, and when. Figures update as creators join and offers are agreed.</Text>
        <Group gap="xs">
          {!readOnly && <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>Edit plan</Button>}
          <Button leftSection={<IconFileSpreadsheet size={16} />} loading={exporting} onClick={() => void download()}>Export to Excel</Button>
        </Group>
      </Group>
      <PlanSummaryCard plan={plan} ownerId={campaign.ownerId} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <PlanBucketsCard plan={plan} />
        <PlanBudgetCard plan={plan} action={readOnly ? undefined : <Button size="xs" variant="light" leftSection={<IconCash size={14} />} onClick={() => setPaying(true)}>Log a payment</Button>} />
        <PlanMessagesCard plan={plan} />
        <PlanTimelineCard plan={plan} today={today} />
        <PlanProductsCard campaignId={campaign.id} productIds={campaign.productIds ?? []} readOnly={readOnly} />
      </SimpleGrid>
      <RecordTasksCard campaignId={campaign.id} aboutLabel={campaign.name} readOnly={readOnly} />
      {plan.notes.trim() && (
        <Card withBorder radius="lg" p="lg">
          <Text fw={700} size="lg" mb="xs">Notes</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{plan.notes}</Text>
        </Card>
      )}
      <LogPaymentModal opened={paying} onClose={() => setPaying(false)} campaignId={campaign.id} currency={plan.budget.currency} creators={payees} />
      <CampaignFormModal opened={editing} onClose={() => setEditing(false)} campaign={{ ...campaign, ownerId: campaign.ownerId ?? null, notes: campaign.notes ?? '' }} />
    </Stack>
  );
}

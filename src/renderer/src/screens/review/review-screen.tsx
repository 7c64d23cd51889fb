import { Badge, Button, Drawer, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { reviewDecisionLabels, reviewQueue, roundLabel, type QueueFilter } from '../../../../shared/domain/review-rounds';
import { buildReviewQueueTable } from '../../../../shared/domain/table-exports/review';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../hooks/use-me';
import { useRxQuery } from '../../hooks/use-rx-query';
import { deliverableLabel, formatWhen, teammateName, useNames, useTeammates, type ContentRow, type EngagementRow } from './review-data';
import { SubmissionPanel } from './submission-panel';
import { SubmitDraftModal, type DraftPreset } from './submit-draft-modal';

const filters: { value: QueueFilter; label: string }[] = [
  { value: 'waiting', label: 'Waiting for review' },
  { value: 'mine', label: 'Assigned to me' },
  { value: 'changes-requested', label: 'Changes requested' },
  { value: 'approved', label: 'Approved' },
  { value: 'all', label: 'All' },
];
const statusColor = { pending: 'blue', approved: 'teal', 'changes-requested': 'orange' } as const;

function waitingFor(iso: string): string {
  const days = Math.floor((Date.now() - Date.parse(iso)) / 86_400_000);
  return days <= 0 ? 'today' : days === 1 ? '1 day' : `${days} days`;
}

/** Content review: every creator's latest draft per deliverable, what waits for whom, and the decision beside the brief's checklist. */
export function ReviewScreen() {
  const me = useMe();
  const names = useNames();
  const teammates = useTeammates();
  const submissions = useRxQuery<ContentRow>('content', { selector: { kind: 'submission', deletedAt: null } }, 'review-submissions');
  const engagements = useRxQuery<EngagementRow>('engagements', { selector: { deletedAt: null } }, 'review-engagements');
  const [filter, setFilter] = useState<QueueFilter>('waiting');
  const [open, setOpen] = useState<string | null>(null);
  const [drafting, setDrafting] = useState<{ preset: DraftPreset | null } | null>(null);
  const engagementById = useMemo(() => new Map((engagements ?? []).map((e) => [e.id, e])), [engagements]);
  const counts = useMemo(() => Object.fromEntries(filters.map((f) => [f.value, reviewQueue(submissions ?? [], f.value, me.id).length])), [submissions, me.id]);
  const rows = useMemo(() => reviewQueue(submissions ?? [], filter, me.id), [submissions, filter, me.id]);

  return (
    <Stack>
      <PageHeader title="Content review" subtitle="Creators’ drafts in rounds: approve, or ask for changes point by point, with the brief’s checklist beside each draft."
        actions={<>
          <ExportTableMenu size="sm" rowCount={rows.length} name="content-review" filters={[filter]} sheetName="Content review" what={['draft', 'drafts']}
            build={() => buildReviewQueueTable(rows.map((s) => ({
              creatorName: names.creator.get(s.creatorId)?.name ?? '', campaignName: names.campaignName.get(s.campaignId ?? '') ?? '',
              deliverable: deliverableLabel(engagementById.get(s.engagementId ?? '')?.terms?.deliverables.find((d) => d.id === s.deliverableId)),
              round: s.round, status: s.review?.status ?? 'pending', reviewer: s.assigneeId === me.id && me.named ? me.name : teammateName(teammates, s.assigneeId), submittedAt: s.createdAt, decidedAt: s.review?.decidedAt ?? null, url: s.url,
            })), new Date())} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDrafting({ preset: null })}>Add a draft</Button>
        </>} />
      <SegmentedControl value={filter} onChange={(v) => setFilter(v as QueueFilter)} style={{ alignSelf: 'flex-start' }}
        data={filters.map((f) => ({ value: f.value, label: `${f.label} (${counts[f.value] ?? 0})` }))} />
      {submissions && (submissions.length === 0 ? (
        <EmptyState icon={<IconChecklist />} title="No drafts to review yet" action={<Button onClick={() => setDrafting({ preset: null })}>Add the first draft</Button>}>
          When a creator sends a draft (a Drive or Dropbox link, or files in the library), add it here for a campaign deliverable. It waits for its reviewer,
          who approves it or asks for specific changes; the creator’s next version becomes round v2, and every round stays in the history.
        </EmptyState>
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm" py="lg" ta="center">{filter === 'mine' ? 'Nothing waits for you. Drafts assigned to you will be listed here.' : 'Nothing here right now.'}</Text>
      ) : (
        <Table highlightOnHover verticalSpacing="sm" data-testid="review-queue">
          <Table.Thead>
            <Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Campaign</Table.Th><Table.Th>Deliverable</Table.Th><Table.Th>Round</Table.Th><Table.Th>Status</Table.Th><Table.Th>Reviewer</Table.Th><Table.Th>Waiting</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => {
              const status = s.review?.status ?? 'pending';
              const deliverable = engagementById.get(s.engagementId ?? '')?.terms?.deliverables.find((d) => d.id === s.deliverableId);
              return (
                <Table.Tr key={s.id} onClick={() => setOpen(s.id)} style={{ cursor: 'pointer' }} data-testid="review-row">
                  <Table.Td><Text fw={600} size="sm">{names.creator.get(s.creatorId)?.name ?? '…'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{names.campaignName.get(s.campaignId ?? '') ?? '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{deliverableLabel(deliverable)}</Text></Table.Td>
                  <Table.Td><Badge variant="outline" color="dark">{roundLabel(s.round)}</Badge></Table.Td>
                  <Table.Td><Badge variant="light" color={statusColor[status]}>{reviewDecisionLabels[status]}</Badge></Table.Td>
                  <Table.Td><Text size="sm">{teammateName(teammates, s.assigneeId)}</Text></Table.Td>
                  <Table.Td><Text size="sm" c="dimmed" title={formatWhen(s.createdAt)}>{status === 'pending' ? waitingFor(s.createdAt) : formatWhen(s.review?.decidedAt)}</Text></Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ))}
      <Drawer opened={!!open} onClose={() => setOpen(null)} position="right" size="xl" title="Review">
        {open && <SubmissionPanel submissionId={open} onNextRound={(preset) => setDrafting({ preset })} />}
      </Drawer>
      <SubmitDraftModal opened={!!drafting} preset={drafting?.preset} onClose={() => setDrafting(null)} onSubmitted={(id) => setOpen(id)} />
    </Stack>
  );
}

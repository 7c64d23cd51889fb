import { Anchor, Badge, Button, Checkbox, Divider, Group, List, Paper, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconExternalLink, IconFile, IconMessageCircle, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { newId } from '../../../../shared/data/ids';
import { actorOf } from '../../../../shared/domain/activities';
import { decideDraftWrites } from '../../../../shared/domain/review-decision';
import { checklistProgress, deliverableKey, roundLabel, type ChecklistItem, type FeedbackItem } from '../../../../shared/domain/review-rounds';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { getMe } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';
import { RightsBadge } from '../rights/rights-badge';
import { FeedbackForm } from './feedback-form';
import { ReviewTimeline } from './review-timeline';
import { deliverableLabel, formatWhen, teammateName, useNames, useTeammates, type AssetRow, type ContentRow, type EngagementRow } from './review-data';
import type { DraftPreset } from './submit-draft-modal';

const decisionText = { pending: 'Waiting for review', approved: 'Approved', 'changes-requested': 'Changes requested' } as const;
const decisionColor = { pending: 'blue', approved: 'teal', 'changes-requested': 'orange' } as const;

/** One deliverable's rounds: the draft in play beside the brief's checklist, the decision, and every earlier round. */
export function SubmissionPanel({ submissionId, onNextRound }: { submissionId: string; onNextRound: (preset: DraftPreset) => void }) {
  const session = useSession();
  const names = useNames();
  const teammates = useTeammates();
  const found = useRxQuery<ContentRow>('content', { selector: { id: submissionId } }, `submission-${submissionId}`);
  const current = found?.[0];
  const siblings = useRxQuery<ContentRow>('content', { selector: { engagementId: current?.engagementId ?? '-', kind: 'submission', deletedAt: null } }, `rounds-${current?.engagementId}`);
  const engagement = useRxQuery<EngagementRow>('engagements', { selector: { id: current?.engagementId ?? '-' } }, `panel-engagement-${current?.engagementId}`)?.[0];
  const assets = useRxQuery<AssetRow>('assets', { selector: { id: { $in: current?.assetIds ?? [] } } }, `panel-assets-${(current?.assetIds ?? []).join(',')}`);
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [newItem, setNewItem] = useState('');

  const rounds = useMemo(() => (current ? (siblings ?? []).filter((s) => deliverableKey(s) === deliverableKey(current)).sort((a, b) => b.round - a.round) : []), [siblings, current]);
  if (!current) return <Text c="dimmed">Loading…</Text>;
  const latest = rounds[0]?.id === current.id || rounds.length === 0;
  const creator = names.creator.get(current.creatorId);
  const deliverable = engagement?.terms?.deliverables.find((d) => d.id === current.deliverableId);
  const status = current.review?.status ?? 'pending';
  const progress = checklistProgress(current.checklist);
  const me = getMe();

  const setChecklist = (checklist: ChecklistItem[]) =>
    void session.commands.update('content', current.id, { checklist }).catch(reportError('The checklist was not saved'));
  const assign = (id: string | null) =>
    void session.commands.update('content', current.id, { assigneeId: id, review: { ...(current.review ?? { status: 'pending', decidedAt: null, feedback: [], note: '', decidedBy: null }), reviewerId: id } })
      .catch(reportError('The reviewer was not changed'));

  const decide = async (decision: 'approved' | 'changes-requested', feedback: FeedbackItem[] = [], note = '') => {
    setSaving(true);
    try {
      await session.commands.applyAll(decideDraftWrites(current, decision, feedback, note, actorOf(me), new Date().toISOString(), newId()));
      setAsking(false);
      notifyWithUndo(decision === 'approved' ? `${creator ? `${creator.name}’s` : 'The'} draft ${roundLabel(current.round)} approved` : `Changes sent to ${creator?.name ?? 'the creator'}`, () => void session.commands.undo());
    } catch (error) {
      reportError('The decision was not saved')(error);
    } finally {
      setSaving(false);
    }
  };

  const approve = () => {
    if (progress.complete) return void decide('approved');
    modals.openConfirmModal({
      title: 'Approve with the checklist unticked?',
      children: <Text size="sm">{progress.total - progress.done} of {progress.total} checklist items are not ticked: {current.checklist.filter((i) => !i.done).map((i) => i.label).join('; ')}.</Text>,
      labels: { confirm: 'Approve anyway', cancel: 'Go back' },
      onConfirm: () => void decide('approved'),
    });
  };

  return (
    <Stack gap="md" data-testid="submission-panel">
      <Stack gap={2}>
        <Group gap="xs">
          <Title order={3}>{creator?.name ?? 'Creator'}</Title>
          <Badge variant="filled" color="dark">{roundLabel(current.round)}</Badge>
          <Badge variant="light" color={decisionColor[status]} data-testid="decision">{decisionText[status]}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          <Anchor href={hrefFor({ screen: 'campaign', id: current.campaignId ?? '' })} size="sm">{names.campaignName.get(current.campaignId ?? '') ?? 'No campaign'}</Anchor>
          {' · '}{deliverableLabel(deliverable)} · submitted {formatWhen(current.createdAt)}
        </Text>
      </Stack>

      <Paper withBorder radius="md" p="sm">
        <Text fw={700} size="sm" mb={6}>The draft</Text>
        {current.url && <Anchor href={current.url} target="_blank" rel="noreferrer" size="sm"><Group gap={4} wrap="nowrap"><IconExternalLink size={14} />{current.url}</Group></Anchor>}
        {(assets ?? []).map((a) => (
          <Group key={a.id} gap="xs" wrap="nowrap" mt={4}><IconFile size={14} /><Text size="sm">{a.fileName}</Text><RightsBadge assetId={a.id} /></Group>
        ))}
        {current.caption && <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>“{current.caption}”</Text>}
      </Paper>

      <Paper withBorder radius="md" p="sm" data-testid="checklist">
        <Group justify="space-between" mb={6}>
          <Text fw={700} size="sm">The brief’s checklist</Text>
          <Text size="xs" c={progress.complete ? 'teal' : 'dimmed'}>{progress.done} of {progress.total}</Text>
        </Group>
        <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} color={progress.complete ? 'teal' : 'blue'} size="xs" mb="sm" />
        <Stack gap={6}>
          {current.checklist.map((item) => (
            <Checkbox key={item.id} label={item.label} checked={item.done} disabled={!latest}
              onChange={(e) => setChecklist(current.checklist.map((i) => (i.id === item.id ? { ...i, done: e.currentTarget.checked } : i)))} />
          ))}
        </Stack>
        {latest && (
          <Group mt="xs" gap="xs" wrap="nowrap">
            <TextInput size="xs" placeholder="Add a point from this brief (e.g. “Mention SPF 50”)" value={newItem} onChange={(e) => setNewItem(e.currentTarget.value)} style={{ flex: 1 }}
              onKeyDown={(e) => { if (e.key === 'Enter' && newItem.trim()) { setChecklist([...current.checklist, { id: newId('check-'), label: newItem.trim(), done: false }]); setNewItem(''); } }} aria-label="New checklist point" />
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={12} />} disabled={!newItem.trim()}
              onClick={() => { setChecklist([...current.checklist, { id: newId('check-'), label: newItem.trim(), done: false }]); setNewItem(''); }}>Add</Button>
          </Group>
        )}
      </Paper>

      <Select label="Reviewer" data={teammates.map((t) => ({ value: t.id, label: t.isMe ? 'You' : t.name }))} value={current.assigneeId} onChange={assign} clearable placeholder="Anyone on the team" disabled={!latest} />

      {latest && status === 'pending' && !asking && (
        <Group>
          <Button color="teal" leftSection={<IconCheck size={16} />} onClick={approve} loading={saving}>Approve</Button>
          <Button color="orange" variant="light" leftSection={<IconMessageCircle size={16} />} onClick={() => setAsking(true)}>Request changes</Button>
        </Group>
      )}
      {asking && <FeedbackForm sending={saving} onCancel={() => setAsking(false)} onSend={(items, note) => void decide('changes-requested', items, note)} />}
      {latest && status === 'changes-requested' && current.engagementId && current.campaignId && (
        <Button variant="light" leftSection={<IconPlus size={16} />} style={{ alignSelf: 'flex-start' }}
          onClick={() => onNextRound({ campaignId: current.campaignId!, engagementId: current.engagementId!, deliverableId: current.deliverableId, assigneeId: current.assigneeId })}>
          Add the creator’s next draft ({roundLabel(current.round + 1)})
        </Button>
      )}

      <Divider label="Rounds" labelPosition="left" />
      <Stack gap="sm" data-testid="rounds">
        {rounds.map((r) => (
          <Paper key={r.id} withBorder radius="md" p="sm" bg={r.id === current.id ? 'var(--mantine-color-default-hover)' : undefined}>
            <Group gap="xs">
              <Badge variant="outline" color="dark">{roundLabel(r.round)}</Badge>
              <Badge variant="light" color={decisionColor[r.review?.status ?? 'pending']}>{decisionText[r.review?.status ?? 'pending']}</Badge>
              <Text size="xs" c="dimmed">submitted {formatWhen(r.createdAt)}{r.review?.decidedAt ? ` · decided ${formatWhen(r.review.decidedAt)} by ${teammateName(teammates, r.review.decidedBy)}` : ''}</Text>
            </Group>
            {r.review?.feedback.length ? (
              <List size="sm" mt={6} spacing={4}>
                {r.review.feedback.map((f, i) => <List.Item key={i}><b>{f.what}</b>{f.piece ? ` (${f.piece})` : ''}: {f.how}</List.Item>)}
              </List>
            ) : null}
            {r.review?.note && <Text size="sm" mt={4} c="dimmed">“{r.review.note}”</Text>}
            <Text size="xs" c="dimmed" mt={4}>Checklist {checklistProgress(r.checklist).done} of {checklistProgress(r.checklist).total}</Text>
          </Paper>
        ))}
      </Stack>
      <ReviewTimeline rounds={rounds} />
    </Stack>
  );
}

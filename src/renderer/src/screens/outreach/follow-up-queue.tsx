import { Alert, Anchor, Badge, Button, Card, Collapse, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { followUpQueue, type FollowUpPlan } from '../../../../shared/domain/follow-ups';
import { primaryEmailOf, renderMessage } from '../../../../shared/domain/outreach-values';
import { buildFollowUpTable } from '../../../../shared/domain/table-exports/outreach';
import { hrefFor } from '../../app/routes';
import { ExportTableMenu } from '../../components/export-table-menu';
import { shortDate } from './contact-status';
import { LogTouchModal } from './log-touch-modal';
import { MessageActions } from './message-actions';
import { TemplatePreview } from './template-preview';
import { useOutreachActions } from './use-outreach-actions';
import { ruleOf, useCampaignOutreach, type Engagement, type Template } from './use-outreach-data';

function dueLabel(plan: FollowUpPlan): string {
  if (plan.overdueDays === 0) return 'Due today';
  return `${plan.overdueDays} day${plan.overdueDays > 1 ? 's' : ''} overdue`;
}

/**
 * "Needs follow-up today" for one campaign: creators who have not answered
 * by the campaign's rule, most overdue first, each with the follow-up ready
 * to open or copy, a DM or call made elsewhere to log, and Replied / Declined
 * to take them off the list. Anyone who answered another way (an opt-in, a
 * counter-offer) is not on it at all: see answerOf.
 */
export function FollowUpQueue({ campaignId, templates, showCampaign = false, now }: { campaignId: string; templates: Template[]; showCampaign?: boolean; now: Date }) {
  const { campaign, engagements, creatorById, valuesFor, loading } = useCampaignOutreach(campaignId);
  const actions = useOutreachActions(campaign?.steps ?? []);
  const followUpTemplates = templates.filter((t) => t.templateFor === 'follow-up' || t.templateFor === 'dm');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [touching, setTouching] = useState<{ engagementId: string; creatorId: string; name: string } | null>(null);
  const template = followUpTemplates.find((t) => t.id === templateId) ?? followUpTemplates.find((t) => t.templateFor === 'follow-up') ?? null;
  const rule = ruleOf(campaign);
  const queue = useMemo(() => followUpQueue(
    engagements.map((e) => ({ ...e, followUpsSent: e.followUpsSent ?? 0, name: creatorById.get(e.creatorId)?.name ?? '' })), rule, now,
  ), [engagements, creatorById, rule, now]);

  if (loading || !campaign) return null;
  if (showCampaign && queue.length === 0) return null;
  const channel = template?.templateFor === 'dm' ? 'dm' : 'email';

  return (
    <Card withBorder radius="lg" data-testid="follow-up-queue">
      <Group justify="space-between" mb="sm" align="flex-end">
        <Stack gap={0}>
          <Text fw={700}>{showCampaign ? <Anchor href={hrefFor({ screen: 'campaign', id: campaign.id })} inherit>{campaign.name}</Anchor> : 'Needs follow-up today'}</Text>
          <Text size="xs" c="dimmed">
            After {rule.afterDays} {rule.businessDays ? 'working ' : ''}day{rule.afterDays > 1 ? 's' : ''} without an answer, at most {rule.maxFollowUps} follow-up{rule.maxFollowUps === 1 ? '' : 's'}
          </Text>
        </Stack>
        {queue.length > 0 && (
          <Group gap="xs" align="flex-end">
            <Select size="xs" label="Follow-up template" w={260} value={template?.id ?? null} onChange={setTemplateId} allowDeselect={false}
              data={followUpTemplates.map((t) => ({ value: t.id, label: t.title }))} placeholder="Write a follow-up template first" />
            <ExportTableMenu rowCount={queue.length} name="follow-ups" filters={[campaign.name]} sheetName="Follow-ups" what={['creator', 'creators']}
              build={() => buildFollowUpTable(queue.map(({ subject, plan }) => {
                const engagement = subject as unknown as Engagement;
                const creator = creatorById.get(engagement.creatorId);
                return { creatorName: creator?.name ?? '', email: creator ? primaryEmailOf(creator) ?? '' : '', lastContactedAt: engagement.lastContactedAt, plan };
              }), rule.maxFollowUps)} />
          </Group>
        )}
      </Group>
      {queue.length === 0 ? (
        <Group gap="xs" py="sm"><IconCircleCheck size={18} color="var(--mantine-color-teal-6)" /><Text size="sm" c="dimmed">Nobody needs a follow-up today. Creators show up here when they have not answered in time.</Text></Group>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead><Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Last contacted</Table.Th><Table.Th>Due</Table.Th><Table.Th>Follow-up</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {queue.map(({ subject, plan }) => {
              const engagement = subject as unknown as Engagement;
              const creator = creatorById.get(engagement.creatorId);
              const message = template ? renderMessage(template, valuesFor(engagement), { email: creator ? primaryEmailOf(creator) : null, doNotContact: creator?.status === 'do-not-contact' }) : null;
              const name = creator?.name ?? 'Creator';
              return [
                <Table.Tr key={engagement.id} data-testid="follow-up-row">
                  <Table.Td><Anchor href={hrefFor({ screen: 'creator', id: engagement.creatorId })} size="sm" fw={600}>{name}</Anchor></Table.Td>
                  <Table.Td><Text size="sm">{shortDate(engagement.lastContactedAt)}</Text></Table.Td>
                  <Table.Td><Badge color={plan.overdueDays ? 'orange' : 'blue'} variant="light">{dueLabel(plan)}</Badge></Table.Td>
                  <Table.Td><Text size="sm">{plan.nextNumber} of {rule.maxFollowUps}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant={open === engagement.id ? 'filled' : 'light'} disabled={!template} onClick={() => setOpen((o) => (o === engagement.id ? null : engagement.id))}>Write follow-up</Button>
                      <Button size="xs" variant="default" onClick={() => setTouching({ engagementId: engagement.id, creatorId: engagement.creatorId, name })}>Log touch</Button>
                      <Button size="xs" variant="default" onClick={() => void actions.markReplied(engagement, name)}>Replied</Button>
                      <Button size="xs" variant="default" color="red" onClick={() => void actions.markDeclined(engagement, name)}>Declined</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>,
                <Table.Tr key={`${engagement.id}-message`} style={{ display: open === engagement.id ? undefined : 'none' }}>
                  <Table.Td colSpan={5}>
                    <Collapse expanded={open === engagement.id}>
                      {message && template && (
                        <Stack gap="xs" p="xs">
                          {!message.ready && <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>{message.problems.join(' · ')}. This follow-up is held back.</Alert>}
                          {channel === 'email' && <Text size="sm"><Text span c="dimmed">Subject: </Text><TemplatePreview inline segments={message.subject.segments} label={`Follow-up subject for ${name}`} /></Text>}
                          <TemplatePreview segments={message.body.segments} label={`Follow-up for ${name}`} />
                          <MessageActions channel={channel} email={creator ? primaryEmailOf(creator) : null} subject={message.subject.text} text={message.body.text} ready={message.ready}
                            onLogged={() => { setOpen(null); void actions.logSends([{ engagement, creatorName: name, template, subject: message.subject.text, text: message.body.text, channel, kind: 'follow-up' }]); }} />
                        </Stack>
                      )}
                    </Collapse>
                  </Table.Td>
                </Table.Tr>,
              ];
            })}
          </Table.Tbody>
        </Table>
      )}
      {touching && <LogTouchModal opened onClose={() => setTouching(null)} creatorId={touching.creatorId} creatorName={touching.name} engagementId={touching.engagementId} />}
    </Card>
  );
}

import { Alert, Anchor, Button, Card, Checkbox, Divider, Group, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconListCheck, IconPencil } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { MergeValues } from '../../../../shared/domain/merge-fields';
import { primaryEmailOf, renderMessage } from '../../../../shared/domain/outreach-values';
import { hrefFor } from '../../app/routes';
import type { CreatorRow } from '../creator-row';
import { templateOptionGroups } from '../templates/template-options';
import { BatchList, type BatchItem } from './batch-list';
import { ContactStatus } from './contact-status';
import { MessageActions } from './message-actions';
import { MessageDraft, type Draft } from '../templates/message-draft';
import { TemplatePreview } from './template-preview';
import { useOutreachActions } from './use-outreach-actions';
import { templateKindLabel, type Campaign, type Engagement, type Template } from './use-outreach-data';

type Show = 'not-contacted' | 'waiting' | 'all';

/** Pick a template and creators, adjust the message if need be (and keep it as a template), preview each one's message, and prepare a batch. */
export function ComposeCard({ campaign, engagements, creatorById, valuesFor, templates, templateId, onTemplate }: {
  campaign: Campaign; engagements: Engagement[]; creatorById: Map<string, CreatorRow>; valuesFor: (e: Engagement) => MergeValues;
  templates: Template[]; templateId: string | null; onTemplate: (id: string | null) => void;
}) {
  const actions = useOutreachActions(campaign.steps);
  const [show, setShow] = useState<Show>('not-contacted');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [batch, setBatch] = useState<BatchItem[] | null>(null);
  const chosen = templates.find((t) => t.id === templateId) ?? null;
  // The message as adjusted for this campaign; the template itself stays as it was.
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => setDraft(null), [templateId]);
  const template = useMemo(() => (chosen && draft ? { ...chosen, subject: draft.subject, body: draft.body } : chosen), [chosen, draft]);
  const stepName = useMemo(() => new Map(campaign.steps.map((s) => [s.id, s.name])), [campaign.steps]);

  const rows = useMemo(() => engagements
    .filter((e) => (show === 'all' ? true : show === 'not-contacted' ? !e.lastContactedAt && !e.declinedAt : !!e.lastContactedAt && !e.repliedAt && !e.declinedAt))
    .map((e) => ({ engagement: e, creator: creatorById.get(e.creatorId) }))
    .sort((a, b) => (a.creator?.name ?? '').localeCompare(b.creator?.name ?? '')), [engagements, creatorById, show]);

  const previewRow = rows.find((r) => r.engagement.id === previewId) ?? rows.find((r) => selected.has(r.engagement.id)) ?? rows[0] ?? null;
  const render = (engagement: Engagement, creator: CreatorRow | undefined) => renderMessage(
    template ?? { subject: '', body: '', templateFor: 'outreach-email' }, valuesFor(engagement),
    { email: creator ? primaryEmailOf(creator) : null, doNotContact: creator?.status === 'do-not-contact', declined: !!engagement.declinedAt },
  );
  const preview = previewRow && template ? render(previewRow.engagement, previewRow.creator) : null;
  const channel = template?.templateFor === 'dm' ? 'dm' : 'email';
  const allChecked = rows.length > 0 && rows.every((r) => selected.has(r.engagement.id));

  const toggle = (id: string, on: boolean) => setSelected((prev) => {
    const next = new Set(prev);
    if (on) next.add(id); else next.delete(id);
    return next;
  });

  const prepare = () => {
    if (!template) return;
    const items = engagements.filter((e) => selected.has(e.id)).map((engagement) => {
      const creator = creatorById.get(engagement.creatorId);
      return { engagement, creatorName: creator?.name ?? 'Creator', email: creator ? primaryEmailOf(creator) : null, message: render(engagement, creator) };
    }).sort((a, b) => Number(a.message.ready) - Number(b.message.ready) || a.creatorName.localeCompare(b.creatorName));
    setBatch(items);
  };

  return (
    <Card withBorder radius="lg">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Text fw={700}>Write to creators</Text>
            <Text size="xs" c="dimmed">Choose a template, tick creators, check each message, then prepare the batch.</Text>
          </Stack>
          <Group align="flex-end" gap="xs">
            <Select label="Template" placeholder="Choose a template" w={320} value={templateId} onChange={onTemplate} searchable
              data={templateOptionGroups(templates.map((t) => ({ ...t, title: `${t.title} (${templateKindLabel(t.templateFor).toLowerCase()})` })), campaign.activationModels, [])}
              nothingFoundMessage="No template by that name" />
            {chosen && !draft && <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDraft({ subject: chosen.subject, body: chosen.body })}>Change the message</Button>}
          </Group>
        </Group>
        {chosen && draft && <MessageDraft template={chosen} templates={templates} campaignModels={campaign.activationModels} draft={draft} onChange={setDraft}
          onDiscard={() => setDraft(null)} onSaved={(id) => onTemplate(id)} />}
        <Group align="flex-start" wrap="nowrap">
          <Stack gap="xs" miw={0} style={{ flex: 7 }}>
            <Group justify="space-between">
              <SegmentedControl size="xs" value={show} onChange={(v) => setShow(v as Show)} data={[
                { value: 'not-contacted', label: 'Not contacted' }, { value: 'waiting', label: 'Waiting for a reply' }, { value: 'all', label: 'Everyone' },
              ]} />
              <Text size="xs" c="dimmed">{selected.size} selected</Text>
            </Group>
            <ScrollArea.Autosize mah={380} type="auto">
              <Table verticalSpacing={6} highlightOnHover data-testid="outreach-creators">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={32}><Checkbox aria-label="Select everyone shown" checked={allChecked} indeterminate={!allChecked && rows.some((r) => selected.has(r.engagement.id))}
                      onChange={(e) => { const on = e.currentTarget.checked; setSelected((prev) => { const next = new Set(prev); rows.forEach((r) => (on ? next.add(r.engagement.id) : next.delete(r.engagement.id))); return next; }); }} /></Table.Th>
                    <Table.Th>Creator</Table.Th><Table.Th>Step</Table.Th><Table.Th>Contact</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map(({ engagement, creator }) => (
                    <Table.Tr key={engagement.id} data-testid="outreach-creator-row" bg={previewRow?.engagement.id === engagement.id ? 'var(--mantine-primary-color-light)' : undefined}
                      style={{ cursor: 'pointer' }} onClick={() => setPreviewId(engagement.id)}>
                      <Table.Td onClick={(e) => e.stopPropagation()}>
                        <Checkbox aria-label={`Select ${creator?.name ?? 'creator'}`} checked={selected.has(engagement.id)} onChange={(e) => toggle(engagement.id, e.currentTarget.checked)} />
                      </Table.Td>
                      <Table.Td><Text size="sm" fw={500}>{creator?.name ?? '…'}</Text></Table.Td>
                      <Table.Td><Text size="xs" c="dimmed">{stepName.get(engagement.stepId) ?? '—'}</Text></Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <ContactStatus engagement={engagement} />
                          {engagement.lastContactedAt && !engagement.repliedAt && !engagement.declinedAt && (
                            <Group gap={2} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
                              <Button size="compact-xs" variant="subtle" onClick={() => void actions.markReplied(engagement, creator?.name ?? 'The creator')}>Replied</Button>
                              <Button size="compact-xs" variant="subtle" color="red" onClick={() => void actions.markDeclined(engagement, creator?.name ?? 'The creator')}>Declined</Button>
                            </Group>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {rows.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">Nobody here. Add creators to the campaign, or show everyone.</Text>}
            </ScrollArea.Autosize>
          </Stack>
          <Card withBorder radius="md" bg="var(--mantine-color-default-hover)" miw={0} style={{ flex: 5 }} data-testid="message-preview">
            {!template ? (
              <Text size="sm" c="dimmed">Choose a template to see each creator’s message here, with every merged value highlighted.</Text>
            ) : !previewRow || !preview ? (
              <Text size="sm" c="dimmed">Click a creator to preview their message.</Text>
            ) : (
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text size="sm">To <Anchor href={hrefFor({ screen: 'creator', id: previewRow.engagement.creatorId })} fw={600}>{previewRow.creator?.name}</Anchor>
                    {channel === 'email' && <Text span c="dimmed"> · {previewRow.creator ? primaryEmailOf(previewRow.creator) ?? 'no email' : ''}</Text>}</Text>
                </Group>
                {preview.problems.length > 0 && (
                  <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs" data-testid="preview-problems">
                    <Text size="sm">{preview.problems.join(' · ')}. This message will be held back.</Text>
                  </Alert>
                )}
                {channel === 'email' && (
                  <><Text size="xs" c="dimmed" fw={600}>Subject</Text><TemplatePreview segments={preview.subject.segments} label="Subject preview" /><Divider /></>
                )}
                <TemplatePreview segments={preview.body.segments} label="Message preview" />
                <MessageActions channel={channel} email={previewRow.creator ? primaryEmailOf(previewRow.creator) : null} subject={preview.subject.text} text={preview.body.text} ready={preview.ready}
                  onLogged={() => void actions.logSends([{ engagement: previewRow.engagement, creatorName: previewRow.creator?.name ?? 'Creator', template, subject: preview.subject.text, text: preview.body.text, channel }])} />
              </Stack>
            )}
          </Card>
        </Group>
        <Group>
          <Button leftSection={<IconListCheck size={16} />} disabled={!template || selected.size === 0} onClick={prepare}>
            Prepare batch{selected.size ? ` for ${selected.size}` : ''}
          </Button>
          {!template && <Text size="xs" c="dimmed">Choose a template first.</Text>}
        </Group>
        {batch && template && (
          <BatchList items={batch} template={template} steps={campaign.steps} onClose={() => setBatch(null)}
            onLogged={(ids) => setSelected((prev) => new Set([...prev].filter((id) => !ids.includes(id))))} />
        )}
      </Stack>
    </Card>
  );
}

import { Accordion, Badge, Button, CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconHandStop } from '@tabler/icons-react';
import { useState } from 'react';
import type { PipelineStepRef } from '../../../../shared/domain/follow-ups';
import type { RenderedMessage } from '../../../../shared/domain/outreach-values';
import { MessageActions } from './message-actions';
import { SendThroughMailbox } from '../mail/send-through-mailbox';
import { TemplatePreview } from './template-preview';
import { useOutreachActions } from './use-outreach-actions';
import type { Engagement, Template } from './use-outreach-data';

export interface BatchItem {
  engagement: Engagement;
  creatorName: string;
  email: string | null;
  message: RenderedMessage;
}

/**
 * A prepared batch: every creator's own message, the ones with something
 * missing held back with the reason. Only ready messages can be opened,
 * copied or logged; a held-back one is never sent with a gap.
 */
export function BatchList({ items, template, steps, onClose, onLogged }: {
  items: BatchItem[]; template: Template; steps: PipelineStepRef[]; onClose: () => void; onLogged: (engagementIds: string[]) => void;
}) {
  const actions = useOutreachActions(steps);
  const [sent, setSent] = useState<Set<string>>(new Set());
  const channel = template.templateFor === 'dm' ? 'dm' : 'email';
  const ready = items.filter((i) => i.message.ready);
  const held = items.length - ready.length;
  const unsent = ready.filter((i) => !sent.has(i.engagement.id));

  const log = async (list: BatchItem[]) => {
    const ok = await actions.logSends(list.map((i) => ({ engagement: i.engagement, creatorName: i.creatorName, template, subject: i.message.subject.text, text: i.message.body.text, channel })));
    if (!ok) return;
    const ids = list.map((i) => i.engagement.id);
    setSent((prev) => new Set([...prev, ...ids]));
    onLogged(ids);
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="outreach-batch">
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Text fw={700}>Batch: “{template.title}”</Text>
          <Text size="sm" c="dimmed" data-testid="batch-summary">{ready.length} ready · {held} held back{sent.size ? ` · ${sent.size} logged as sent` : ''}</Text>
        </Stack>
        <Group gap="xs">
          {channel === 'email' && (
            <SendThroughMailbox drafts={unsent.filter((i) => i.email).map((i) => ({
              to: i.email as string, subject: i.message.subject.text, text: i.message.body.text,
              creatorId: i.engagement.creatorId, campaignId: i.engagement.campaignId, engagementId: i.engagement.id,
            }))} />
          )}
          <Button size="xs" disabled={unsent.length === 0} onClick={() => void log(unsent)}>Log {unsent.length} ready as sent</Button>
          <CloseButton aria-label="Close the batch" onClick={onClose} />
        </Group>
      </Group>
      <Accordion variant="separated" multiple chevronPosition="left">
        {items.map((item) => {
          const isSent = sent.has(item.engagement.id);
          return (
            <Accordion.Item key={item.engagement.id} value={item.engagement.id} data-testid="batch-row" data-ready={item.message.ready}>
              <Group wrap="nowrap" pr="sm">
                <Accordion.Control>
                  <Group gap="sm" wrap="nowrap">
                    <Text size="sm" fw={600}>{item.creatorName}</Text>
                    {isSent ? <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>Logged as sent</Badge>
                      : item.message.ready ? <Badge color="teal" variant="outline">Ready</Badge>
                        : <Badge color="red" variant="light" leftSection={<IconHandStop size={12} />}>Held back</Badge>}
                    {!item.message.ready && <Text size="xs" c="red.8" data-testid="held-reason">{item.message.problems.join(' · ')}</Text>}
                  </Group>
                </Accordion.Control>
                {item.message.ready && !isSent && (
                  <MessageActions channel={channel} email={item.email} subject={item.message.subject.text} text={item.message.body.text} ready onLogged={() => void log([item])} />
                )}
              </Group>
              <Accordion.Panel>
                {channel === 'email' && <Text size="sm" mb={4}><Text span c="dimmed">Subject: </Text><TemplatePreview segments={item.message.subject.segments} label={`Subject for ${item.creatorName}`} inline /></Text>}
                <TemplatePreview segments={item.message.body.segments} label={`Message for ${item.creatorName}`} />
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Paper>
  );
}

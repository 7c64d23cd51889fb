import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconRestore, IconTimeline, IconTrash } from '@tabler/icons-react';
import { useCallback, useRef } from 'react';
import { plainTextSeed } from '../../../shared/data/rich-text';
import { SYSTEM_ORIGIN } from '../../../shared/data/ydoc';
import * as Y from 'yjs';
import { formatCount, formatPercent } from '../../../shared/domain/engagement-rate';
import { platformLabels } from '../../../shared/data/schemas/creators';
import { tierFor, tierLabels } from '../../../shared/domain/tiers';
import { hrefFor, navigate } from '../app/routes';
import { useSession } from '../app/workspace-context';
import { countryName } from '../components/countries';
import { EmptyState } from '../components/empty-state';
import { PlatformIcon } from '../components/platform-icon';
import { RecordHistory } from '../components/record-history';
import { RecordPresence } from '../components/record-presence';
import { CollaborativeText } from '../components/rich-text/collaborative-text';
import { RICH_TEXT_FIELD, type RichTextDoc } from '../data/rich-text/rich-text-doc';
import { notifyWithUndo } from '../components/undo-notification';
import { reportError } from '../components/report-error';
import { useRxQuery } from '../hooks/use-rx-query';
import type { CreatorRow } from './creator-row';

interface ActivityRow { id: string; title: string; at: string; kind: string; body: string }

export function CreatorProfileScreen({ id }: { id: string }) {
  const session = useSession();
  const found = useRxQuery<CreatorRow>('creators', { selector: { id } }, `creator-${id}`);
  const timeline = useRxQuery<ActivityRow>('activities', { selector: { creatorId: id, deletedAt: null }, sort: [{ at: 'desc' }] }, `timeline-${id}`);
  const creator = found?.[0];
  const notesDocId = `notes-${id}`;
  const savedNotes = useRef(creator?.notes);
  savedNotes.current = creator?.notes;
  const saveNotesText = useCallback((notes: string) => {
    if (notes === savedNotes.current) return;
    // The words are kept on the record too, for search and the table; the rich text is the original.
    session.commands.update('creators', id, { notes: notes.slice(0, 5000) }, { origin: SYSTEM_ORIGIN }).catch(reportError('Your notes were not saved for search'));
  }, [session, id]);

  if (found && !creator) {
    return <EmptyState icon={<IconArrowLeft />} title="This creator is not here" action={<Button onClick={() => navigate({ screen: 'creators' })}>Back to creators</Button>}>
      It may have been deleted for good, or the link is from another workspace.
    </EmptyState>;
  }
  if (!creator) return null;

  const tier = tierFor(creator.followersMax);
  const trash = async () => {
    await session.commands.softDelete('creators', [creator.id]);
    notifyWithUndo(`${creator.name} moved to the trash`, () => void session.commands.restore('creators', [creator.id]));
    navigate({ screen: 'creators' });
  };
  const prepareNotes = (doc: RichTextDoc) => {
    // Notes typed before rich text existed become its first paragraphs, once.
    if (creator.notesDocId) return;
    if (doc.isEmpty() && creator.notes) Y.applyUpdate(doc.doc, plainTextSeed(notesDocId, RICH_TEXT_FIELD, creator.notes));
    session.commands.update('creators', creator.id, { notesDocId }, { origin: SYSTEM_ORIGIN }).catch(reportError('Your notes could not be linked to this creator'));
  };

  return (
    <Stack>
      <Anchor href={hrefFor({ screen: 'creators' })} size="sm"><Group gap={4}><IconArrowLeft size={14} />All creators</Group></Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2}>{creator.name}</Title>
            {tier && <Badge variant="light">{tierLabels[tier]}</Badge>}
            {creator.deletedAt && <Badge color="red" variant="light">In the trash</Badge>}
          </Group>
          <Text c="dimmed" size="sm">
            {[creator.location.city, countryName(creator.location.country)].filter(Boolean).join(', ') || 'Location unknown'}
            {creator.niches.length ? ` · ${creator.niches.join(', ')}` : ''}
          </Text>
          <RecordPresence recordId={creator.id} />
        </Stack>
        {creator.deletedAt
          ? <Button leftSection={<IconRestore size={16} />} onClick={() => void session.commands.restore('creators', [creator.id])}>Restore</Button>
          : <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => void trash()}>Move to trash</Button>}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder radius="lg">
          <Text fw={700} mb="sm">Accounts</Text>
          {creator.accounts.length === 0 && <Text size="sm" c="dimmed">No platform accounts yet.</Text>}
          <Stack gap="sm">
            {creator.accounts.map((a) => (
              <Group key={`${a.platform}-${a.handle}`} justify="space-between" wrap="nowrap">
                <Group gap={6} wrap="nowrap">
                  <PlatformIcon platform={a.platform} />
                  {a.url ? <Anchor href={a.url} target="_blank" rel="noreferrer" size="sm">@{a.handle}</Anchor> : <Text size="sm">@{a.handle}</Text>}
                  <Text size="xs" c="dimmed">{platformLabels[a.platform]}</Text>
                </Group>
                <Text size="sm">{formatCount(a.followers)} · {formatPercent(a.engagementRate)}</Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder radius="lg">
          <Text fw={700} mb="sm">Contact</Text>
          <Stack gap={6}>
            {creator.emails.map((e) => <Text key={e.address} size="sm">{e.address}{e.primary && creator.emails.length > 1 ? ' (primary)' : ''}</Text>)}
            {creator.phone && <Text size="sm">{creator.phone}</Text>}
            {creator.emails.length === 0 && !creator.phone && <Text size="sm" c="dimmed">No email or phone yet.</Text>}
            <Group gap={4} mt="xs">{creator.tags.map((t) => <Badge key={t} variant="light">{t}</Badge>)}</Group>
            {creator.brandSafetyFlags.length > 0 && <Group gap={4}>{creator.brandSafetyFlags.map((f) => <Badge key={f} color="orange" variant="light">{f}</Badge>)}</Group>}
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder radius="lg">
        <Text fw={700} mb="sm">Notes</Text>
        <CollaborativeText docId={notesDocId} recordId={creator.id} field="notes" label="Notes" readOnly={!!creator.deletedAt}
          placeholder="What the team should know: how they like to be contacted, what worked last time…"
          prepare={prepareNotes} onText={saveNotesText} minHeight={90} />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder radius="lg">
          <Text fw={700} mb="md">Timeline</Text>
          {timeline && timeline.length === 0 && (
            <Group gap="xs" c="dimmed"><IconTimeline size={16} /><Text size="sm">Every touch with {creator.name} — outreach, stage changes, shipments, posts — will appear here.</Text></Group>
          )}
          <Timeline bulletSize={14} lineWidth={2}>
            {timeline?.map((a) => (
              <Timeline.Item key={a.id} title={a.title}>
                <Text size="xs" c="dimmed">{new Date(a.at).toLocaleString()}</Text>
                {a.body && <Text size="sm">{a.body}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
        <RecordHistory collection="creators" id={creator.id} version={creator.updatedAt} />
      </SimpleGrid>
    </Stack>
  );
}

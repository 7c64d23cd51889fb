import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconRestore, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { hrefFor, navigate } from '../app/routes';
import { useSession } from '../app/workspace-context';
import { EmptyState } from '../components/empty-state';
import { RecordHistory } from '../components/record-history';
import { RecordPresence } from '../components/record-presence';
import { reportError } from '../components/report-error';
import { CollaborativeText } from '../components/rich-text/collaborative-text';
import { notifyWithUndo } from '../components/undo-notification';
import { useRxQuery } from '../hooks/use-rx-query';
import { useScreenHeading } from '../components/use-screen-heading';
import { briefBodyDocId, briefStatusLabels, formatEdited, type BriefRow } from './brief-row';
import { BriefMoodBoard } from './briefs/brief-mood-board';
import { BriefRecipients } from './briefs/brief-recipients';
import { BriefTemplateBar } from './briefs/brief-template-bar';
import { BriefReferences } from './briefs/brief-references';
import { BriefVersions } from './briefs/brief-versions';
import type { BriefCampaign } from './briefs/create-brief';
import { SaveBriefTemplateButton } from './briefs/save-brief-template-button';
import type { TeamTemplate } from './templates/use-team-templates';
import { SYSTEM_ORIGIN } from '../../../shared/data/ydoc';
import { ExportBriefButton } from './documents/export-brief-button';

const statusOptions = ['draft', 'in-review', 'approved', 'sent', 'archived'].map((value) => ({ value, label: briefStatusLabels[value] }));

/** A brief, or a team's brief template (a document of kind "template"), which is edited on the same screen. */
type BriefOrTemplate = BriefRow & Pick<TeamTemplate, 'kind' | 'activationModels' | 'templateFor'>;

/** One brief: its title, campaign and status, and its text, which the whole team can write in at once. */
export function BriefScreen({ id }: { id: string }) {
  const session = useSession();
  const found = useRxQuery<BriefOrTemplate>('documents', { selector: { id } }, `brief-${id}`);
  const campaigns = useRxQuery<BriefCampaign>('campaigns', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'campaign-options');
  const brief = found?.[0];
  const siblings = useRxQuery<BriefRow>('documents', { selector: { kind: 'brief', campaignId: brief?.campaignId ?? '', deletedAt: null } }, `brief-versions-${brief?.campaignId ?? 'none'}`);
  const [title, setTitle] = useState('');
  const heading = useScreenHeading(brief?.title ?? '');
  // What the title box held when the person started typing; a teammate's title arriving meanwhile must not wipe their draft.
  const editingFrom = useRef<string | null>(null);
  useEffect(() => {
    if (editingFrom.current === null) setTitle(brief?.title ?? '');
  }, [brief?.title]);
  const savedBody = useRef(brief?.body);
  savedBody.current = brief?.body;
  const saveBodyText = useCallback((body: string) => {
    if (body === savedBody.current) return;
    session.commands.update('documents', id, { body: body.slice(0, 20_000) }, { origin: SYSTEM_ORIGIN }).catch(reportError('The brief’s summary was not saved'));
  }, [session, id]);

  if (found && !brief) {
    return <EmptyState icon={<IconArrowLeft />} title="This brief is not here" action={<Button onClick={() => navigate({ screen: 'briefs' })}>Back to briefs</Button>}>
      It may have been deleted for good, or the link is from another workspace.
    </EmptyState>;
  }
  if (!brief) return null;
  const isTemplate = brief.kind === 'template';
  const campaign = campaigns?.find((c) => c.id === brief.campaignId) ?? null;

  const update = (patch: Partial<Pick<BriefRow, 'title' | 'campaignId' | 'status'>>) =>
    session.commands.update('documents', brief.id, patch).catch(reportError('The brief was not saved'));
  const saveTitle = () => {
    const startedFrom = editingFrom.current;
    editingFrom.current = null;
    // Untouched: take whatever the team has now (a teammate may have renamed it meanwhile).
    if (!title.trim() || title === startedFrom) return setTitle(brief.title);
    if (title.trim() !== brief.title) void update({ title: title.trim() });
  };
  const trash = async () => {
    await session.commands.softDelete('documents', [brief.id]);
    notifyWithUndo(`“${brief.title}” moved to the trash`, () => void session.commands.restore('documents', [brief.id]));
    navigate({ screen: 'briefs' });
  };

  return (
    <Stack>
      <Anchor href={hrefFor({ screen: 'briefs' })} size="sm"><Group gap={4}><IconArrowLeft size={14} />All briefs</Group></Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ flex: 1 }}>
          {/* The title box is the screen's heading: the brief is named where it is renamed. */}
          <Title order={1} ref={heading} tabIndex={-1} fz="inherit" fw="inherit">
          <TextInput value={title} onChange={(e) => setTitle(e.currentTarget.value)} onFocus={() => { editingFrom.current = title; }} onBlur={saveTitle} aria-label="Brief title"
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()} variant="unstyled" size="xl" fw={700} disabled={!!brief.deletedAt} readOnly={isTemplate}
            styles={{ input: { fontSize: 'var(--mantine-h2-font-size)', fontWeight: 700 } }} />
          </Title>
          <Group gap="md">
            <Text size="xs" c="dimmed">Edited {formatEdited(brief.updatedAt)}</Text>
            <RecordPresence recordId={brief.id} />
          </Group>
        </Stack>
        {!brief.deletedAt && !isTemplate && <SaveBriefTemplateButton brief={brief} campaignModels={campaign?.activationModels ?? []} />}
        {!brief.deletedAt && !isTemplate && <ExportBriefButton brief={{ id: brief.id, title: brief.title, bodyDocId: brief.bodyDocId ?? briefBodyDocId(brief.id), statusLabel: briefStatusLabels[brief.status] ?? brief.status,
          campaignId: brief.campaignId, moodBoard: brief.moodBoard ?? [], updatedAt: brief.updatedAt }} />}
        {brief.deletedAt
          ? <Button leftSection={<IconRestore size={16} />} onClick={() => void session.commands.restore('documents', [brief.id])}>Restore</Button>
          : !isTemplate && <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => void trash()}>Move to trash</Button>}
      </Group>
      {isTemplate && !brief.deletedAt && <BriefTemplateBar template={brief as unknown as TeamTemplate} />}
      {!isTemplate && <Group grow align="flex-end" maw={640}>
        <Select label="Campaign" placeholder="Not linked yet" clearable searchable data={(campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={brief.campaignId} onChange={(value) => void update({ campaignId: value })} disabled={!!brief.deletedAt}
          nothingFoundMessage="No campaign with that name" />
        <Select label="Status" data={statusOptions} value={brief.status} allowDeselect={false}
          onChange={(value) => value && void update({ status: value as BriefRow['status'] })} disabled={!!brief.deletedAt} />
      </Group>}
      {!isTemplate && <SimpleGrid cols={{ base: 1, lg: 2 }} maw={1100}>
        <BriefVersions brief={brief} versions={brief.campaignId ? (siblings ?? [brief]) : [brief]} campaign={campaign} readOnly={!!brief.deletedAt} />
        <BriefRecipients brief={brief} readOnly={!!brief.deletedAt} />
      </SimpleGrid>}
      <BriefMoodBoard brief={brief} readOnly={!!brief.deletedAt} />
      <BriefReferences brief={brief} readOnly={!!brief.deletedAt} />
      <CollaborativeText docId={brief.bodyDocId ?? briefBodyDocId(brief.id)} recordId={brief.id} field="body" label="Brief text"
        placeholder="Start with the goal, then the key messages, what must be in the post (#ad, the product on screen, the link), and the dates…"
        readOnly={!!brief.deletedAt} onText={saveBodyText} minHeight={360} />
      <RecordHistory collection="documents" id={brief.id} version={brief.updatedAt} />
    </Stack>
  );
}

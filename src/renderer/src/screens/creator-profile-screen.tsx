import { ActionIcon, Anchor, Badge, Button, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { tierFor, tierLabels } from '../../../shared/domain/tiers';
import { hrefFor, navigate } from '../app/routes';
import { useSession } from '../app/workspace-context';
import { EmptyState } from '../components/empty-state';
import { NameModal } from '../components/name-modal';
import { RecordHistory } from '../components/record-history';
import { RecordPresence } from '../components/record-presence';
import { notifyWithUndo } from '../components/undo-notification';
import { useRxQuery } from '../hooks/use-rx-query';
import { useTierThresholds } from '../hooks/use-tier-thresholds';
import { useScreenHeading } from '../components/use-screen-heading';
import { AboutCard } from './creator-profile/about-card';
import { AdAccessCard } from './creator-profile/ad-access-card';
import { AccountsCard } from './creator-profile/accounts-card';
import { AddressCard } from './creator-profile/address-card';
import { AudienceCard } from './creator-profile/audience-card';
import { CampaignsCard } from './creator-profile/campaigns-card';
import { ContactCard } from './creator-profile/contact-card';
import { CustomFieldsCard } from './creator-profile/custom-fields-card';
import { NotesCard } from './creator-profile/notes-card';
import { PerformanceCard } from './creator-profile/performance-card';
import { RatesCard } from './creator-profile/rates-card';
import { ScorecardsCard } from './creator-profile/scorecards-card';
import { TimelineCard } from './creator-profile/timeline-card';
import { RecordTasksCard } from './tasks/record-tasks-card';
import { useSaveCreator } from './creator-profile/use-save-creator';
import type { CreatorRow } from './creator-row';

/** Everything about one creator on one screen, each part edited in place, every save undoable. */
export function CreatorProfileScreen({ id }: { id: string }) {
  const session = useSession();
  const found = useRxQuery<CreatorRow>('creators', { selector: { id } }, `creator-${id}`);
  const creator = found?.[0];
  const [renaming, setRenaming] = useState(false);
  const save = useSaveCreator(id);
  const thresholds = useTierThresholds();
  const heading = useScreenHeading(creator?.name ?? '');

  if (found && !creator) {
    return <EmptyState icon={<IconArrowLeft />} title="This creator is not here" action={<Button onClick={() => navigate({ screen: 'creators' })}>Back to creators</Button>}>
      It may have been deleted for good, or the link is from another workspace.
    </EmptyState>;
  }
  if (!creator) return null;

  const tier = tierFor(creator.followersMax, thresholds);
  const trash = async () => {
    await session.commands.softDelete('creators', [creator.id]);
    notifyWithUndo(`${creator.name} moved to the trash`, () => void session.commands.restore('creators', [creator.id]));
    navigate({ screen: 'creators' });
  };

  return (
    <Stack>
      <Anchor href={hrefFor({ screen: 'creators' })} size="sm"><Group gap={4}><IconArrowLeft size={14} />All creators</Group></Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1} size="h2" ref={heading} tabIndex={-1}>{creator.name}</Title>
            {!creator.deletedAt && (
              <Tooltip label="Rename" withArrow>
                <ActionIcon variant="subtle" color="gray" onClick={() => setRenaming(true)} aria-label="Rename"><IconPencil size={16} /></ActionIcon>
              </Tooltip>
            )}
            {tier && <Badge variant="light">{tierLabels[tier]}</Badge>}
            {creator.deletedAt && <Badge color="red" variant="light">In the trash</Badge>}
          </Group>
          <Text c="dimmed" size="sm">
            {creator.platforms.length} {creator.platforms.length === 1 ? 'platform' : 'platforms'}
            {creator.niches.length ? ` · ${creator.niches.join(', ')}` : ''}
          </Text>
          <RecordPresence recordId={creator.id} />
        </Stack>
        {creator.deletedAt
          ? <Button leftSection={<IconRestore size={16} />} onClick={() => void session.commands.restore('creators', [creator.id])}>Restore</Button>
          : <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => void trash()}>Move to trash</Button>}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="md">
        <Stack gap="md">
          <AccountsCard creator={creator} />
          <ContactCard creator={creator} />
          <AddressCard creator={creator} />
        </Stack>
        <Stack gap="md">
          <AboutCard creator={creator} />
          <PerformanceCard creatorId={creator.id} />
          <CampaignsCard creatorId={creator.id} />
          <RecordTasksCard creatorId={creator.id} aboutLabel={creator.name} readOnly={!!creator.deletedAt} />
          <ScorecardsCard creatorId={creator.id} readOnly={!!creator.deletedAt} />
          <RatesCard creator={creator} />
          <AdAccessCard creatorId={creator.id} readOnly={!!creator.deletedAt} />
          <AudienceCard creator={creator} />
          <CustomFieldsCard creator={creator} />
        </Stack>
      </SimpleGrid>
      <NotesCard creator={creator} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <TimelineCard creatorId={creator.id} name={creator.name} />
        <RecordHistory collection="creators" id={creator.id} version={creator.updatedAt} />
      </SimpleGrid>
      <NameModal opened={renaming} title="Rename creator" label="Name" initial={creator.name} submitLabel="Rename"
        validate={(v) => (v.trim() ? null : 'A creator needs a name')} onSubmit={(name) => save({ name }, 'Name')} onClose={() => setRenaming(false)} />
    </Stack>
  );
}

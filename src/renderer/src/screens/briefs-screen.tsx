import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { buildBriefsTable } from '../../../shared/domain/table-exports/lists';
import { hrefFor } from '../app/routes';
import { EmptyState } from '../components/empty-state';
import { ExportTableMenu } from '../components/export-table-menu';
import { PageHeader } from '../components/page-header';
import { useRxQuery } from '../hooks/use-rx-query';
import { BriefTemplatesCard } from './briefs/brief-templates-card';
import { NewBriefModal } from './briefs/new-brief-modal';
import { briefStatusColors, briefStatusLabels, formatEdited, type BriefRow } from './brief-row';

export function BriefsScreen() {
  const [adding, setAdding] = useState(false);
  const briefs = useRxQuery<BriefRow>('documents', { selector: { kind: 'brief', deletedAt: null }, sort: [{ updatedAt: 'desc' }] }, 'briefs');
  const campaigns = useRxQuery<{ id: string; name: string }>('campaigns', { selector: { deletedAt: null } }, 'campaign-names');
  const campaignName = useMemo(() => new Map((campaigns ?? []).map((c) => [c.id, c.name])), [campaigns]);

  return (
    <>
      <PageHeader title="Briefs" subtitle="What creators should make, written together: everyone on the team can type in a brief at the same time."
        actions={<>
          <ExportTableMenu size="sm" rowCount={briefs?.length ?? 0} name="briefs" sheetName="Briefs" what={['brief', 'briefs']}
            build={() => buildBriefsTable((briefs ?? []).map((b) => ({
              title: b.title, campaignName: b.campaignId ? campaignName.get(b.campaignId) ?? '' : '', status: briefStatusLabels[b.status] ?? b.status, version: b.version, sentTo: b.sentTo.length, updatedAt: b.updatedAt,
            })))} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>New brief</Button>
        </>} />
      {briefs && briefs.length === 0 && (
        <EmptyState icon={<IconFileText size={28} />} title="Write your first brief"
          action={<Button onClick={() => setAdding(true)}>New brief</Button>}>
          A brief tells creators what to make: the key messages, what must be in the post, the do’s and don’ts, the dates.
          Your teammates see your changes as you type, and you can write offline.
        </EmptyState>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {briefs?.map((b) => (
          <Card key={b.id} withBorder radius="lg" p="lg" component="a" href={hrefFor({ screen: 'brief', id: b.id })} data-testid="brief-card">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Text fw={700} size="lg">{b.title}</Text>
                <Text size="sm" c="dimmed">{b.campaignId ? campaignName.get(b.campaignId) ?? 'A removed campaign' : 'No campaign yet'}{b.version > 1 ? ` · version ${b.version}` : ''}{b.sentTo.length ? ` · sent to ${b.sentTo.length}` : ''}</Text>
              </Stack>
              <Badge color={briefStatusColors[b.status] ?? 'gray'} variant="light">{briefStatusLabels[b.status] ?? b.status}</Badge>
            </Group>
            <Text size="sm" mt="md" lineClamp={3} c={b.body ? undefined : 'dimmed'}>{b.body || 'Nothing written yet.'}</Text>
            <Text size="xs" c="dimmed" mt="sm">Edited {formatEdited(b.updatedAt)}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <BriefTemplatesCard />
      {adding && <NewBriefModal onClose={() => setAdding(false)} />}
    </>
  );
}

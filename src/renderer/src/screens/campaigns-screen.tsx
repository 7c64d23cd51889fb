import { ActionIcon, Anchor, Badge, Button, Card, Group, Menu, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDots, IconPlus, IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { formatMoney } from '../../../shared/domain/fields';
import { buildCampaignsTable } from '../../../shared/domain/table-exports/lists';
import { hrefFor } from '../app/routes';
import { useSession } from '../app/workspace-context';
import { EmptyState } from '../components/empty-state';
import { ExportTableMenu } from '../components/export-table-menu';
import { PageHeader } from '../components/page-header';
import { notifyWithUndo } from '../components/undo-notification';
import { useRxQuery } from '../hooks/use-rx-query';
import { activationLabels, formatDateRange, objectiveLabels, type CampaignRow } from './campaign-row';
import { CampaignFormModal } from './campaign-form-modal';

const statusColor: Record<string, string> = { planning: 'gray', active: 'teal', completed: 'blue', archived: 'dark' };

export function CampaignsScreen() {
  const session = useSession();
  const [adding, setAdding] = useState(false);
  const campaigns = useRxQuery<CampaignRow>('campaigns', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'campaigns');
  const engagements = useRxQuery<{ campaignId: string }>('engagements', { selector: { deletedAt: null } }, 'engagements');
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const e of engagements ?? []) map.set(e.campaignId, (map.get(e.campaignId) ?? 0) + 1);
    return map;
  }, [engagements]);

  const trash = async (c: CampaignRow) => {
    await session.commands.softDelete('campaigns', [c.id]);
    notifyWithUndo(`${c.name} moved to the trash`, () => void session.commands.restore('campaigns', [c.id]));
  };

  return (
    <>
      <PageHeader title="Campaigns & programs" subtitle="Campaigns have dates; programs (ambassadors, affiliates) run all year."
        actions={<>
          <ExportTableMenu size="sm" rowCount={campaigns?.length ?? 0} name="campaigns" sheetName="Campaigns" what={['campaign', 'campaigns']}
            build={() => buildCampaignsTable((campaigns ?? []).map((c) => ({
              name: c.name, kind: c.kind, status: c.status, objective: objectiveLabels[c.objective] ?? c.objective, activation: c.activationModels.map((m) => activationLabels[m] ?? m).join(', '),
              startsOn: c.startsOn, endsOn: c.endsOn, budget: c.budget, creators: counts.get(c.id) ?? 0, planned: c.buckets.length ? c.buckets.reduce((s, b) => s + b.targetCount, 0) : null,
            })))} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>New campaign</Button>
        </>} />
      {campaigns && campaigns.length === 0 && (
        <EmptyState icon={<IconSpeakerphone size={28} />} title="Plan your first campaign"
          action={<Button onClick={() => setAdding(true)}>New campaign</Button>}>
          A campaign brings together the plan (objective, budget, how many creators per tier), the creators you invite and everything they post.
        </EmptyState>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
        {campaigns?.map((c) => (
          <Card key={c.id} withBorder radius="lg" p="lg" data-testid="campaign-card">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2}>
                <Anchor href={hrefFor({ screen: 'campaign', id: c.id })} fw={700} size="lg" c="inherit">{c.name}</Anchor>
                <Text size="sm" c="dimmed">{formatDateRange(c.startsOn, c.endsOn)}</Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                <Badge color={statusColor[c.status] ?? 'gray'} variant="light">{c.status}</Badge>
                <Menu position="bottom-end">
                  <Menu.Target><ActionIcon variant="subtle" color="gray" aria-label={`More for ${c.name}`}><IconDots size={16} /></ActionIcon></Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void trash(c)}>Move to trash</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            </Group>
            <Group gap={6} mt="md">
              <Badge variant="outline">{c.kind === 'program' ? 'Program' : 'Campaign'}</Badge>
              <Badge variant="outline" color="gray">{objectiveLabels[c.objective] ?? c.objective}</Badge>
              {c.activationModels.map((m) => <Badge key={m} variant="light" color="grape">{activationLabels[m] ?? m}</Badge>)}
            </Group>
            <SimpleGrid cols={2} mt="md">
              <Stack gap={0}><Text size="xs" c="dimmed">Budget</Text><Text fw={600}>{formatMoney(c.budget)}</Text></Stack>
              <Stack gap={0}>
                <Text size="xs" c="dimmed">Creators</Text>
                <Text fw={600}>{counts.get(c.id) ?? 0}{c.buckets.length ? ` of ${c.buckets.reduce((s, b) => s + b.targetCount, 0)} planned` : ''}</Text>
              </Stack>
            </SimpleGrid>
          </Card>
        ))}
      </SimpleGrid>
      <CampaignFormModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}

import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconRestore, IconTrash } from '@tabler/icons-react';
import type { CollectionName } from '../../../shared/data/schemas';
import { useSession } from '../app/workspace-context';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { useRxQuery } from '../hooks/use-rx-query';

interface Deleted { id: string; name: string; deletedAt: string }

function TrashList({ collection, label }: { collection: CollectionName; label: string }) {
  const session = useSession();
  const rows = useRxQuery<Deleted>(collection, { selector: { deletedAt: { $ne: null } } }, `trash-${collection}`);
  if (!rows?.length) return null;
  return (
    <Card withBorder radius="lg">
      <Text fw={700} mb="sm">{label}</Text>
      <Stack gap="xs">
        {[...rows].sort((a, b) => b.deletedAt.localeCompare(a.deletedAt)).map((r) => (
          <Group key={r.id} justify="space-between">
            <Stack gap={0}>
              <Text size="sm" fw={600}>{r.name}</Text>
              <Text size="xs" c="dimmed">Deleted {new Date(r.deletedAt).toLocaleString()}</Text>
            </Stack>
            <Button size="xs" variant="light" leftSection={<IconRestore size={14} />}
              onClick={() => void session.commands.restore(collection, [r.id])}>Restore</Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

export function TrashScreen() {
  const creators = useRxQuery('creators', { selector: { deletedAt: { $ne: null } } }, 'trash-count-creators');
  const campaigns = useRxQuery('campaigns', { selector: { deletedAt: { $ne: null } } }, 'trash-count-campaigns');
  const empty = creators?.length === 0 && campaigns?.length === 0;
  return (
    <>
      <PageHeader title="Trash" subtitle="Deleted creators and campaigns stay here until you restore them." />
      {empty ? (
        <EmptyState icon={<IconTrash size={28} />} title="The trash is empty">
          When you move a creator or a campaign to the trash, it waits here. Restore it any time, with everything it was linked to.
        </EmptyState>
      ) : (
        <Stack>
          <TrashList collection="creators" label="Creators" />
          <TrashList collection="campaigns" label="Campaigns" />
        </Stack>
      )}
    </>
  );
}

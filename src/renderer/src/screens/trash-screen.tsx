import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconRestore, IconTrash } from '@tabler/icons-react';
import type { CollectionName } from '../../../shared/data/schemas';
import { buildTrashTable } from '../../../shared/domain/table-exports/lists';
import { useSession } from '../app/workspace-context';
import { EmptyState } from '../components/empty-state';
import { ExportTableMenu } from '../components/export-table-menu';
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
  const creators = useRxQuery<Deleted>('creators', { selector: { deletedAt: { $ne: null } } }, 'trash-count-creators');
  const campaigns = useRxQuery<Deleted>('campaigns', { selector: { deletedAt: { $ne: null } } }, 'trash-count-campaigns');
  const deleted = [...(creators ?? []).map((r) => ({ what: 'Creator', name: r.name, deletedAt: r.deletedAt })), ...(campaigns ?? []).map((r) => ({ what: 'Campaign', name: r.name, deletedAt: r.deletedAt }))]
    .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  const empty = creators?.length === 0 && campaigns?.length === 0;
  return (
    <>
      <PageHeader title="Trash" subtitle="Deleted creators and campaigns stay here until you restore them."
        actions={<ExportTableMenu size="sm" rowCount={deleted.length} name="trash" sheetName="Trash" what={['item', 'items']} build={() => buildTrashTable(deleted)} />} />
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

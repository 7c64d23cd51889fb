import { Alert, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconRestore, IconUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { StoredBackupInfo } from '../../../shared/api/contract';
import { backupReasonLabels } from '../../../shared/backup/backup-format';
import { formatSize } from '../../../shared/domain/file-size';
import { BackupWorkspaceModal } from './backup-workspace-modal';
import { RestoreBackupModal } from './restore-backup-modal';
import { useWorkspace } from './workspace-context';
import { onBackupsChanged } from '../data/backup/automatic-backups';
import { host } from '../host';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * Settings → Backups: back up by hand, restore a file, and the automatic
 * backups kept on this computer. It lives with the backup dialogs in app/:
 * its table lists files to restore, not records to export.
 */
export function BackupsCard() {
  const { session, workspaces } = useWorkspace();
  const [list, setList] = useState<StoredBackupInfo[] | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'backup' | 'restore' | null>(null);
  const [kept, setKept] = useState<StoredBackupInfo | null>(null);

  const refresh = useCallback(() => {
    host['backup-list']({}).then(
      (result) => {
        setList(result.backups);
        setFolder(result.folder);
        setProblem(null);
      },
      (error) => {
        setList([]);
        setProblem(error instanceof Error ? error.message : String(error));
      },
    );
  }, []);
  useEffect(() => {
    refresh();
    return onBackupsChanged(refresh);
  }, [refresh]);

  const stillHere = new Set(workspaces.map((w) => w.id));

  return (
    <Card withBorder radius="lg" data-testid="backups-card">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={700}>Backups</Text>
          <Text size="sm" c="dimmed" maw={620}>
            Fanfare keeps a backup of each workspace on this computer once a day and before big changes (an import of many rows, merging duplicates, a restore, an update of Fanfare that reshapes your data):
            the last 7 days, one a week for 4 weeks before that, and the last 5 before big changes. For a copy elsewhere, save a backup file.
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {session && <Button leftSection={<IconDownload size={16} />} onClick={() => setDialog('backup')}>Back up this workspace…</Button>}
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => { setKept(null); setDialog('restore'); }}>Restore from a file…</Button>
        </Group>
      </Group>
      {problem && <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>{problem}</Alert>}
      {list && list.length === 0 && !problem && (
        <Text size="sm" c="dimmed" py="sm">No automatic backups yet. The first one is made within a minute of opening a workspace.</Text>
      )}
      {list && list.length > 0 && (
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Made</Table.Th>
              <Table.Th>Workspace</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((b) => (
              <Table.Tr key={b.id} data-testid="kept-backup">
                <Table.Td><Text size="sm">{when(b.header.createdAt)}</Text></Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{b.header.workspace.name}</Text>
                    {!stillHere.has(b.header.workspace.id) && <Badge size="xs" color="gray" variant="light">Not in your workspaces</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td><Badge variant="light" color={b.header.reason === 'daily' ? 'gray' : 'fanfare'}>{backupReasonLabels[b.header.reason] ?? b.header.reason}</Badge></Table.Td>
                <Table.Td ta="right"><Text size="sm" c="dimmed">{formatSize(b.sizeBytes)}</Text></Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} onClick={() => { setKept(b); setDialog('restore'); }}
                    aria-label={`Restore the backup of ${b.header.workspace.name} from ${when(b.header.createdAt)}`}>Restore</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {folder && <Text size="xs" c="dimmed" mt="sm">Kept in {folder}</Text>}
      <BackupWorkspaceModal opened={dialog === 'backup'} onClose={() => setDialog(null)} />
      <RestoreBackupModal opened={dialog === 'restore'} kept={kept} onClose={() => { setDialog(null); refresh(); }} />
    </Card>
  );
}

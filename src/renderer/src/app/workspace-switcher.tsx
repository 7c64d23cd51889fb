import { Button, Menu, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck, IconChevronDown, IconDownload, IconPencil, IconPlus, IconRestore, IconTrash, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { NameModal } from '../components/name-modal';
import { validateWorkspaceName } from '../data/workspace-registry';
import { BackupWorkspaceModal } from './backup-workspace-modal';
import { JoinTeamModal } from './join-team-modal';
import { RestoreBackupModal } from './restore-backup-modal';
import { useDailyBackup } from './use-daily-backup';
import { useWorkspace } from './workspace-context';

export function WorkspaceSwitcher() {
  const { workspaces, current, open, create, rename, remove } = useWorkspace();
  const [dialog, setDialog] = useState<'create' | 'rename' | 'join' | 'backup' | 'restore' | null>(null);
  // The switcher is on screen whenever a workspace is: the natural home for the daily backup's timer.
  useDailyBackup();

  const confirmDelete = () => {
    if (!current) return;
    modals.openConfirmModal({
      title: `Delete “${current.name}”?`,
      children: (
        <Text size="sm">
          {current.sample
            ? 'This removes the sample data from this computer. You can bring it back from the Settings screen.'
            : 'This removes the workspace and everything in it from this computer. This cannot be undone.'}
        </Text>
      ),
      labels: { confirm: current.sample ? 'Remove sample data' : 'Delete workspace', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => void remove(current.id),
    });
  };

  return (
    <>
      <Menu position="bottom-start" width={260} shadow="md">
        <Menu.Target>
          <Button variant="subtle" color="gray" rightSection={<IconChevronDown size={14} />} aria-label="Switch workspace">
            {current?.name ?? 'No workspace'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Workspaces on this computer</Menu.Label>
          {workspaces.map((w) => (
            <Menu.Item key={w.id} onClick={() => void open(w.id)} rightSection={w.id === current?.id ? <IconCheck size={14} /> : null}>
              {w.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => setDialog('create')}>New workspace…</Menu.Item>
          <Menu.Item leftSection={<IconUsersPlus size={14} />} onClick={() => setDialog('join')}>Join a team workspace…</Menu.Item>
          {current && <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setDialog('rename')}>Rename “{current.name}”…</Menu.Item>}
          <Menu.Divider />
          {current && <Menu.Item leftSection={<IconDownload size={14} />} onClick={() => setDialog('backup')}>Back up this workspace…</Menu.Item>}
          <Menu.Item leftSection={<IconRestore size={14} />} onClick={() => setDialog('restore')}>Restore from a backup…</Menu.Item>
          <Menu.Divider />
          {current && (
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={confirmDelete}>
              {current.sample ? 'Remove sample data' : 'Delete workspace…'}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <JoinTeamModal opened={dialog === 'join'} onClose={() => setDialog(null)} />
      <BackupWorkspaceModal opened={dialog === 'backup'} onClose={() => setDialog(null)} />
      <RestoreBackupModal opened={dialog === 'restore'} onClose={() => setDialog(null)} />
      <NameModal opened={dialog === 'create'} title="New workspace" label="Workspace name" submitLabel="Create workspace"
        validate={validateWorkspaceName} onSubmit={create} onClose={() => setDialog(null)} />
      <NameModal opened={dialog === 'rename'} title="Rename workspace" label="Workspace name" submitLabel="Rename"
        initial={current?.name} validate={validateWorkspaceName} onSubmit={async (name) => { if (current) await rename(current.id, name); }} onClose={() => setDialog(null)} />
    </>
  );
}

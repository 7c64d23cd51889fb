import { Alert, Button, Card, FileButton, Group, Modal, Progress, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Progress as HostProgress, StoredBackupInfo } from '../../../shared/api/contract';
import { backupReasonLabels, restoredWorkspaceName, type BackupIndex } from '../../../shared/backup/backup-format';
import { formatSize } from '../../../shared/domain/file-size';
import { backUpBeforeBigChange } from '../data/backup/automatic-backups';
import { fetchKeptBackup, inspectBackup, restoreBackup } from '../data/backup/workspace-backup';
import { validateWorkspaceName } from '../data/workspace-registry';
import { useWorkspace } from './workspace-context';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** A backup from this computer's backups folder; without it, the person chooses a file. */
  kept?: StoredBackupInfo | null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" fw={500}>{value}</Text>
    </Stack>
  );
}

/** "Restore from a backup…": opens a backup as a new workspace beside the others, never over one. */
export function RestoreBackupModal({ opened, onClose, kept = null }: Props) {
  const { session, current, open, rename } = useWorkspace();
  const [file, setFile] = useState<Blob | null>(null);
  const [index, setIndex] = useState<BackupIndex | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [progress, setProgress] = useState<HostProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (blob: Blob) => {
    setError(null);
    setIndex(null);
    setFile(blob);
    try {
      const read = await inspectBackup(blob);
      setIndex(read);
      setName(restoredWorkspaceName(read.header.workspace.name, new Date()));
    } catch (failure) {
      setError(message(failure));
    }
  };

  useEffect(() => {
    if (!opened) return;
    setFile(null);
    setIndex(null);
    setError(null);
    setNameError(null);
    if (!kept) return;
    setProgress({ fraction: 0, message: 'Reading the backup' });
    fetchKeptBackup(kept.id, setProgress)
      .then(load, (failure) => setError(message(failure)))
      .finally(() => setProgress(null));
  }, [opened, kept]);

  const busy = progress !== null;

  const restore = async () => {
    if (!file || !index) return;
    const problem = validateWorkspaceName(name);
    setNameError(problem);
    if (problem) return;
    setError(null);
    try {
      if (session && current) {
        setProgress({ fraction: 0, message: `Keeping a backup of “${current.name}” first` });
        await backUpBeforeBigChange(session, current, 'before-restore', (p) => setProgress({ ...p, message: `Keeping a backup of “${current.name}” first` }));
      }
      const entry = await restoreBackup(file, name, setProgress);
      // The list of workspaces is re-read before the new one opens, so the switcher shows it at once.
      await rename(entry.id, entry.name);
      await open(entry.id);
      onClose();
    } catch (failure) {
      setError(`Nothing was restored: ${message(failure)}`);
    } finally {
      setProgress(null);
    }
  };

  const header = index?.header;
  const records = header?.counts.records ?? {};
  const made = header ? new Date(header.createdAt) : null;

  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} closeOnEscape={!busy} withCloseButton={!busy} centered radius="lg" size="lg"
      title={<Text fw={700} size="lg">Restore from a backup</Text>}>
      <Stack gap="md">
        <Text size="sm">
          The backup opens as a new workspace beside your others. Nothing you have now is changed, and the restored workspace is not linked to a team server until you link it.
        </Text>
        {!kept && (
          <Group>
            <FileButton onChange={(f) => f && void load(f)} accept=".fanfare-backup,application/octet-stream">
              {(props) => <Button {...props} variant={file ? 'default' : 'filled'} leftSection={<IconFileUpload size={16} />} disabled={busy}>{file ? 'Choose another file…' : 'Choose a backup file…'}</Button>}
            </FileButton>
            {file instanceof File && <Text size="sm" c="dimmed">{file.name} · {formatSize(file.size)}</Text>}
          </Group>
        )}
        {header && made && (
          <Card withBorder radius="md" padding="md" data-testid="backup-summary">
            <Text fw={700} mb="xs">{header.workspace.name}</Text>
            <SimpleGrid cols={3} spacing="sm" verticalSpacing="sm">
              <Fact label="Made" value={made.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })} />
              <Fact label="Why" value={backupReasonLabels[header.reason] ?? header.reason} />
              <Fact label="Size" value={formatSize(index.totalBytes)} />
              <Fact label="Creators" value={(records.creators ?? 0).toLocaleString()} />
              <Fact label="Campaigns" value={(records.campaigns ?? 0).toLocaleString()} />
              <Fact label="Text documents" value={header.counts.richText.toLocaleString()} />
              <Fact label="Media files" value={header.includesMedia ? `${header.counts.media.toLocaleString()} (${formatSize(header.mediaBytes)})` : 'Not included'} />
            </SimpleGrid>
          </Card>
        )}
        {header && !header.includesMedia && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
            This backup has no media files. Pictures and videos already on this computer, or on your team server, still show; others appear as missing.
          </Alert>
        )}
        {header && (
          <TextInput label="Name of the restored workspace" value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} disabled={busy} />
        )}
        {progress && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">{progress.message}</Text>
            <Progress value={(progress.fraction ?? 0) * 100} animated aria-label="Restore progress" />
          </Stack>
        )}
        {error && <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="restore-error">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>Cancel</Button>
          <Button onClick={() => void restore()} disabled={!index} loading={busy}>Restore as a new workspace</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

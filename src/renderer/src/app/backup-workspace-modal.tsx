import { Alert, Button, Checkbox, Group, List, Modal, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileText, IconHistory, IconPhoto, IconSettings } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Progress as HostProgress } from '../../../shared/api/contract';
import { formatSize } from '../../../shared/domain/file-size';
import { downloadBlob } from '../components/download-file';
import { mediaSummary, makeBackup, type MadeBackup, type MediaSummary } from '../data/backup/workspace-backup';
import { useWorkspace } from './workspace-context';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/** "Back up this workspace…": one file to keep somewhere safe, with or without the media files. */
export function BackupWorkspaceModal({ opened, onClose }: Props) {
  const { session, current } = useWorkspace();
  const [media, setMedia] = useState<MediaSummary | null>(null);
  const [includeMedia, setIncludeMedia] = useState(true);
  const [progress, setProgress] = useState<HostProgress | null>(null);
  const [done, setDone] = useState<MadeBackup | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened || !session) return;
    setDone(null);
    setError(null);
    setMedia(null);
    void mediaSummary(session).then(setMedia, () => setMedia({ files: 0, bytes: 0 }));
  }, [opened, session]);

  if (!session || !current) return null;
  const busy = progress !== null;

  const backUp = async () => {
    setError(null);
    setDone(null);
    setProgress({ fraction: 0, message: 'Starting' });
    try {
      const made = await makeBackup(session, current, { includeMedia: includeMedia && !!media?.files, reason: 'manual', onProgress: setProgress });
      downloadBlob(made.fileName, made.blob);
      setDone(made);
    } catch (failure) {
      setError(`The backup was not made: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Modal opened={opened} onClose={() => !busy && onClose()} closeOnEscape={!busy} withCloseButton={!busy} centered radius="lg" size="lg"
      title={<Text fw={700} size="lg">Back up “{current.name}”</Text>}>
      <Stack gap="md">
        <Text size="sm">
          One file with everything needed to bring this workspace back, on this computer or any other. Keep it somewhere safe: another disk, a USB stick or a cloud folder.
        </Text>
        <List spacing={6} size="sm" center>
          <List.Item icon={<ThemeIcon size={24} radius="xl" variant="light"><IconHistory size={14} /></ThemeIcon>}>Every record, the trash and every change’s history</List.Item>
          <List.Item icon={<ThemeIcon size={24} radius="xl" variant="light"><IconFileText size={14} /></ThemeIcon>}>Briefs, contracts and notes, with their formatting</List.Item>
          <List.Item icon={<ThemeIcon size={24} radius="xl" variant="light"><IconSettings size={14} /></ThemeIcon>}>The workspace’s settings: pipelines, custom fields, brand kit, saved views</List.Item>
        </List>
        <Checkbox
          checked={includeMedia && !!media?.files} disabled={busy || !media?.files} onChange={(e) => setIncludeMedia(e.currentTarget.checked)}
          label={<Group gap={6}><IconPhoto size={16} /> Include media files</Group>}
          description={media === null ? 'Counting the library’s files…'
            : media.files === 0 ? 'This workspace has no media files.'
              : `${media.files.toLocaleString()} ${media.files === 1 ? 'file' : 'files'}, about ${formatSize(media.bytes)}. Leave them out for a small file; the records still list them.`}
        />
        {progress && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">{progress.message}</Text>
            <Progress value={(progress.fraction ?? 0) * 100} animated aria-label="Backup progress" />
          </Stack>
        )}
        {error && <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>{error}</Alert>}
        {done && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Backup saved" data-testid="backup-done">
            <Text size="sm">“{done.fileName}” ({formatSize(done.blob.size)}) is in your downloads folder.</Text>
            {done.mediaLeftOut.length > 0 && (
              <Text size="sm" mt={4}>
                Not in it: {done.mediaLeftOut.length === 1 ? 'one media file that is' : `${done.mediaLeftOut.length} media files that are`} not on this computer ({done.mediaLeftOut.slice(0, 3).join(', ')}{done.mediaLeftOut.length > 3 ? '…' : ''}). Open them in the library to download them from your team, then back up again.
              </Text>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>{done ? 'Close' : 'Cancel'}</Button>
          {!done && <Button onClick={() => void backUp()} loading={busy}>Save backup file</Button>}
        </Group>
      </Stack>
    </Modal>
  );
}

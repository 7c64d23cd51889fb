import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useWorkspace } from '../app/workspace-context';
import { summarizeMediaSync, type MediaSyncSummary } from '../data/media-sync-summary';
import { useMediaSyncStatus } from '../hooks/use-media-sync';

const toneColor: Record<MediaSyncSummary['tone'], string> = { ok: 'teal', busy: 'blue', waiting: 'dimmed', problem: 'red' };

/** Settings → Team sync → "Media files": whether photos and videos have reached the team, file by file while they travel. */
export function MediaSyncLine() {
  const { media } = useWorkspace();
  const status = useMediaSyncStatus();
  const summary = summarizeMediaSync(status);
  if (!summary) return null;
  const moving = [...status.uploads, ...status.downloads];
  return (
    <Stack gap={6} maw={560} data-testid="media-sync">
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>Media files</Text>
        <Text size="sm" c={toneColor[summary.tone]} data-testid="media-sync-headline">{summary.headline}</Text>
      </Group>
      {summary.detail && <Text size="xs" c="dimmed">{summary.detail}</Text>}
      {moving.map((file) => (
        <Stack key={file.sha256} gap={2}>
          <Text size="xs">{file.message}</Text>
          <Progress size="sm" value={(file.fraction ?? 0) * 100} animated={file.fraction === null} aria-label={file.message} />
        </Stack>
      ))}
      {status.failed.map((file) => (
        <Text key={file.sha256} size="xs" c="red">{file.message}</Text>
      ))}
      {(status.failed.length > 0 || status.state === 'waiting') && (
        <Group><Button size="xs" variant="default" onClick={() => media?.retryNow()}>Try again now</Button></Group>
      )}
    </Stack>
  );
}

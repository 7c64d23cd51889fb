import { Button, Group, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useWorkspace } from '../app/workspace-context';
import type { DownloadMode } from '../data/media-sync';
import { chooseDownloadMode } from '../data/media-sync-session';
import { summarizeMediaDownloads, summarizeMediaSync, type MediaSyncSummary } from '../data/media-sync-summary';
import { useMediaSyncStatus } from '../hooks/use-media-sync';
import { useTeammates } from './tasks/use-teammates';

/** A long list of missing files says little more than its count. */
const MISSING_SHOWN = 5;

const toneColor: Record<MediaSyncSummary['tone'], string> = { ok: 'teal', busy: 'blue', waiting: 'dimmed', problem: 'red' };

/**
 * Settings → Team sync → "Media files": whether this computer's photos and
 * videos have reached the team, whether the team's have reached this
 * computer, file by file while they travel; and whether to fetch them all.
 */
export function MediaSyncLine() {
  const { media } = useWorkspace();
  const status = useMediaSyncStatus();
  const { nameOf } = useTeammates();
  const [mode, setMode] = useState<DownloadMode>(media?.downloadMode ?? 'all');
  const sent = summarizeMediaSync(status);
  const received = summarizeMediaDownloads(status, nameOf);
  if (!sent) return null;
  const moving = [...status.uploads, ...status.downloads];
  const canRetry = status.failed.length > 0 || status.state === 'waiting' || (received?.failed.length ?? 0) > 0;
  return (
    <Stack gap={8} maw={620} data-testid="media-sync">
      <Text size="sm" fw={600}>Media files</Text>
      <Group gap="xs" wrap="nowrap">
        <IconArrowUp size={14} aria-hidden />
        <Text size="sm" c={toneColor[sent.tone]} data-testid="media-sync-headline">{sent.headline}</Text>
      </Group>
      {sent.detail && <Text size="xs" c="dimmed">{sent.detail}</Text>}
      {received && (
        <>
          <Group gap="xs" wrap="nowrap">
            <IconArrowDown size={14} aria-hidden />
            <Text size="sm" c={toneColor[received.tone]} data-testid="media-sync-incoming">{received.headline}</Text>
          </Group>
          {received.detail && <Text size="xs" c="dimmed">{received.detail}</Text>}
        </>
      )}
      {moving.map((file) => (
        <Stack key={file.sha256} gap={2}>
          <Text size="xs">{file.message}</Text>
          <Progress size="sm" value={(file.fraction ?? 0) * 100} animated={file.fraction === null} aria-label={file.message} />
        </Stack>
      ))}
      {received?.missing.slice(0, MISSING_SHOWN).map((line) => <Text key={line} size="xs" c="orange.8">{line}</Text>)}
      {(received?.missing.length ?? 0) > MISSING_SHOWN && <Text size="xs" c="orange.8">…and {received!.missing.length - MISSING_SHOWN} more.</Text>}
      {status.failed.map((file) => (
        <Text key={file.sha256} size="xs" c="red">{file.message}</Text>
      ))}
      {received?.failed.map((line) => <Text key={line} size="xs" c="red">{line}</Text>)}
      {canRetry && (
        <Group><Button size="xs" variant="default" onClick={() => media?.retryNow()}>Try again now</Button></Group>
      )}
      <Group gap="sm" mt={4}>
        <Text size="sm" id="download-media-label">Download teammates’ media</Text>
        <SegmentedControl size="xs" value={mode} aria-labelledby="download-media-label" data-testid="download-mode"
          data={[{ value: 'all', label: 'All media' }, { value: 'open', label: 'Only what I open' }]}
          onChange={(value) => {
            const next = value === 'open' ? 'open' : 'all';
            setMode(next);
            chooseDownloadMode(media, next);
          }} />
        <Text size="xs" c="dimmed">{mode === 'all' ? 'Every file comes to this computer by itself.' : 'A file comes when you open, cut or pack it.'} Only for this computer.</Text>
      </Group>
    </Stack>
  );
}

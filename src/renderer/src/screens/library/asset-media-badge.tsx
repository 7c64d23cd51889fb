import { Badge, Progress, Stack, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCloud, IconCloudDownload } from '@tabler/icons-react';
import { mediaStateLabel, missingHelp } from './asset-media-words';
import type { AssetMediaView } from './use-asset-media-state';

/**
 * Where an asset's bytes are, on its thumbnail: a small check when they are
 * here, words otherwise. `compact` for the list, where the badge sits under the file name.
 */
export function AssetMediaBadge({ view, addedBy, compact = false }: { view: AssetMediaView; addedBy: string | null; compact?: boolean }) {
  const label = mediaStateLabel(view, addedBy);
  if (!label) return null;
  if (view.state === 'local') {
    return (
      <Tooltip label={label} withArrow>
        <Badge size="sm" variant="white" color="teal" radius="xl" px={4} aria-label={label} data-testid="media-state" data-state="local">
          <IconCircleCheck size={14} style={{ display: 'block' }} />
        </Badge>
      </Tooltip>
    );
  }
  if (view.state === 'downloading') {
    return (
      <Stack gap={2} w={compact ? 90 : 130} data-testid="media-state" data-state="downloading" aria-label={label}>
        <Badge size="sm" variant="filled" color="blue" tt="none" leftSection={<IconCloudDownload size={12} />}>{label}</Badge>
        <Progress size={4} value={(view.fraction ?? 0) * 100} animated={view.fraction === null} aria-hidden />
      </Stack>
    );
  }
  const tone = view.state === 'missing' ? { color: 'red', icon: <IconAlertTriangle size={12} /> }
    : view.state === 'remote' ? { color: 'indigo', icon: <IconCloud size={12} /> }
    : { color: 'gray', icon: <IconCloud size={12} /> };
  const badge = (
    <Badge size="sm" variant="filled" color={tone.color} tt="none" leftSection={tone.icon} data-testid="media-state" data-state={view.state}
      style={{ maxWidth: compact ? undefined : '100%' }}>
      {label}
    </Badge>
  );
  return view.state === 'missing' ? <Tooltip label={missingHelp(addedBy)} multiline w={260} withArrow>{badge}</Tooltip> : badge;
}

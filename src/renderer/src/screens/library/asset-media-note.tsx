import { Group, Text } from '@mantine/core';
import { AssetMediaBadge } from './asset-media-badge';
import { mediaStateLabel, missingHelp } from './asset-media-words';
import type { AssetMediaView } from './use-asset-media-state';

/** The drawer's longer form: where the file is, and what happens next. */
export function AssetMediaNote({ view, addedBy }: { view: AssetMediaView; addedBy: string | null }) {
  const label = mediaStateLabel(view, addedBy);
  if (!label) return null;
  const next = view.state === 'remote' ? 'It is downloaded to this computer when you open, cut or pack it.'
    : view.state === 'missing' ? missingHelp(addedBy)
    : null;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <AssetMediaBadge view={view} addedBy={addedBy} />
      {next && <Text size="xs" c="dimmed">{next}</Text>}
    </Group>
  );
}

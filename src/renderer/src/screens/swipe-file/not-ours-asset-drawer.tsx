import { Alert, Button, Drawer, Group, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { AssetPreview } from '../library/asset-preview';
import type { AssetRow } from '../library/library-data';

/**
 * A competitor's or creator's post kept in the Library for the swipe file.
 * No usage-rights check applies (we have no agreement to break) and nothing
 * offers to cut it into our channel formats: it is someone else's content.
 */
export function NotOursAssetDrawer({ asset, tags, onClose }: { asset: AssetRow; tags: string[]; onClose: () => void }) {
  const session = useSession();
  const [notes, setNotes] = useState(asset.notes);
  useEffect(() => setNotes(asset.notes), [asset.id, asset.notes]);
  const save = (patch: Partial<Pick<AssetRow, 'tags' | 'notes'>>) => session.commands.update('assets', asset.id, patch).catch(reportError('The change was not saved'));
  const whose = asset.ownerKind === 'competitor' ? `${asset.ownerName || 'A competitor'}, a competitor` : `${asset.ownerName || 'A creator'}, a creator`;
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={<Text fw={700} lineClamp={1}>{asset.fileName}</Text>}>
      <Stack gap="md">
        <AssetPreview asset={asset} addedBy={null} />
        <Alert color="grape" title="Not ours: saved for inspiration" data-testid="not-ours-note">
          This is {whose}’s content, kept in the swipe file to learn from. It has no usage rights of ours and is not offered for cutting
          into our channel formats: running it as our ad or post would use someone else’s work.
        </Alert>
        <TagsInput label="Tags" value={asset.tags} data={tags} onChange={(v) => void save({ tags: v })} />
        <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} onBlur={() => notes !== asset.notes && void save({ notes })} />
        <Group>
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />}
            onClick={() => void session.commands.softDelete('assets', [asset.id]).then(onClose, reportError('The file was not moved to the trash'))}>Move to trash</Button>
        </Group>
      </Stack>
    </Drawer>
  );
}

import { ActionIcon, Anchor, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconSparkles, IconX } from '@tabler/icons-react';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { removeReference, swipeLabel } from '../../../../shared/domain/swipe-file';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { useRxQuery } from '../../hooks/use-rx-query';
import { SwipePicture } from '../swipe-file/swipe-picture';
import { ownerLine, type SwipeAsset, type SwipeRow } from '../swipe-file/swipe-rows';

/** The swipe-file items a brief points at, in order: what to show creators as "like this". */
export function BriefReferences({ brief, readOnly }: { brief: { id: string; references?: string[] }; readOnly: boolean }) {
  const session = useSession();
  const ids = brief.references ?? [];
  const items = useRxQuery<SwipeRow>('swipes', { selector: { id: { $in: ids } } }, `brief-references-${ids.join(',')}`);
  const assetIds = (items ?? []).map((i) => i.assetId).filter((id): id is string => !!id);
  const assets = useRxQuery<SwipeAsset>('assets', { selector: { id: { $in: assetIds } } }, `brief-reference-assets-${assetIds.join(',')}`);
  const byId = new Map((items ?? []).filter((i) => !i.deletedAt).map((i) => [i.id, i]));
  const assetById = new Map((assets ?? []).map((a) => [a.id, a]));
  const shown = ids.map((id) => byId.get(id)).filter((i) => !!i);
  const gone = items ? ids.length - shown.length : 0;

  const remove = (item: SwipeRow, label: string) => {
    const before = ids;
    void session.commands.update('documents', brief.id, { references: removeReference(ids, item.id) }).then(
      () => notifyWithUndo(`“${label}” taken off the references`, () => void session.commands.update('documents', brief.id, { references: before }).catch(reportError('The reference was not put back'))),
      reportError('The reference was not removed'));
  };

  return (
    <Paper withBorder radius="lg" p="md" maw={1100} data-testid="brief-references">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>References{shown.length ? ` · ${shown.length}` : ''}</Text>
        {!readOnly && <Button size="xs" variant="light" component="a" href={hrefFor({ screen: 'swipe-file' })} leftSection={<IconSparkles size={14} />}>Add from the swipe file</Button>}
      </Group>
      {shown.length === 0
        ? <Text size="sm" c="dimmed">No references yet. In the Swipe file, choose “Use in a brief” on an ad, post or idea to show creators what you mean.</Text>
        : (
          <Stack gap="xs">
            {shown.map((item) => {
              const asset = item.assetId ? assetById.get(item.assetId) : undefined;
              const label = swipeLabel(item, asset?.fileName);
              return (
                <Group key={item.id} wrap="nowrap" align="flex-start" gap="sm" data-testid="brief-reference">
                  <div style={{ width: 96, flexShrink: 0, borderRadius: 6, overflow: 'hidden' }}><SwipePicture item={item} asset={asset} height={60} /></div>
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600} lineClamp={1}>{label}</Text>
                    {item.kind === 'link' && <Anchor href={item.url} target="_blank" rel="noreferrer noopener" size="xs" lineClamp={1}>{item.url}</Anchor>}
                    {item.notes && <Text size="xs" c="dimmed" lineClamp={2}>{item.notes}</Text>}
                    <Text size="xs" c="dimmed">{ownerLine(item)}</Text>
                  </Stack>
                  {!readOnly && (
                    <Tooltip label="Take off the references">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Take ${label} off the references`} onClick={() => remove(item, label)}><IconX size={14} /></ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              );
            })}
          </Stack>
        )}
      {gone > 0 && <Text size="xs" c="orange.8" mt="xs">{gone === 1 ? 'One reference was' : `${gone} references were`} moved to the trash from the swipe file.</Text>}
    </Paper>
  );
}

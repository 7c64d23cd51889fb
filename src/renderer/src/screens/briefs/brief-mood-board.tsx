import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconPhotoPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { AssetThumb } from '../library/asset-thumb';
import type { BriefRow } from '../brief-row';
import { useMoodBoardImages } from './mood-board-images';
import { MoodBoardPickerModal } from './mood-board-picker-modal';

/** The brief's mood board: pictures chosen from the Library, printed as a gallery in both copies of the PDF. */
export function BriefMoodBoard({ brief, readOnly }: { brief: BriefRow; readOnly: boolean }) {
  const session = useSession();
  const images = useMoodBoardImages();
  const [picking, setPicking] = useState(false);
  const ids = brief.moodBoard ?? [];
  const byId = new Map((images ?? []).map((i) => [i.id, i]));
  const chosen = ids.map((id) => byId.get(id)).filter((i) => !!i);
  const gone = images ? ids.length - chosen.length : 0;
  const save = (next: string[]) => session.commands.update('documents', brief.id, { moodBoard: next }).catch(reportError('The mood board was not saved'));

  return (
    <Paper withBorder radius="lg" p="md" maw={1100} data-testid="brief-mood-board">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>Mood board{chosen.length ? ` · ${chosen.length}` : ''}</Text>
        {!readOnly && <Button size="xs" variant="light" leftSection={<IconPhotoPlus size={14} />} onClick={() => setPicking(true)}>Choose pictures…</Button>}
      </Group>
      <Stack gap="xs">
        {chosen.length === 0
          ? <Text size="sm" c="dimmed">No pictures yet. Choose a few from the Library: the look, the light, the setting you want. They appear as a gallery in the brief’s PDF.</Text>
          : (
            <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs">
              {chosen.map((image) => (
                <Paper key={image.id} withBorder radius="sm" pos="relative" style={{ overflow: 'hidden' }} data-testid="mood-board-picture">
                  <AssetThumb sha256={image.sha256} kind="image" height={72} fileName={image.fileName} />
                  {!readOnly && (
                    <Tooltip label="Take off the mood board">
                      <ActionIcon size="xs" radius="xl" variant="white" color="dark" pos="absolute" top={4} right={4} aria-label={`Take ${image.fileName} off the mood board`}
                        onClick={() => void save(ids.filter((id) => id !== image.id))}><IconX size={12} /></ActionIcon>
                    </Tooltip>
                  )}
                </Paper>
              ))}
            </SimpleGrid>
          )}
        {gone > 0 && <Text size="xs" c="orange.8">{gone === 1 ? 'One picture was' : `${gone} pictures were`} deleted from the Library and will not be in the PDF.</Text>}
      </Stack>
      {picking && <MoodBoardPickerModal images={images ?? []} chosen={ids} onClose={() => setPicking(false)}
        onSave={(next) => { setPicking(false); void save(next); }} />}
    </Paper>
  );
}

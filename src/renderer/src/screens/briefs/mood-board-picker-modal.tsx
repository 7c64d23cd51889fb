import { Button, Checkbox, Group, Modal, Paper, ScrollArea, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { AssetThumb } from '../library/asset-thumb';
import type { MoodBoardImage } from './mood-board-images';

export const MOOD_BOARD_MAX = 24;

/**
 * The Library's pictures to tick for a brief's mood board; the order of ticking is the order in the PDF.
 * Mounted only while open, so it starts from the saved board each time and a teammate's edit meanwhile does not reset the ticks.
 */
export function MoodBoardPickerModal({ images, chosen, onClose, onSave }: {
  images: MoodBoardImage[]; chosen: string[]; onClose: () => void; onSave: (ids: string[]) => void;
}) {
  const [picked, setPicked] = useState<string[]>(chosen);
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = q ? images.filter((i) => `${i.fileName} ${i.notes} ${i.tags.join(' ')}`.toLowerCase().includes(q)) : images;
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const full = picked.length >= MOOD_BOARD_MAX;

  return (
    <Modal opened onClose={onClose} title="Choose the mood board" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">Pictures from the Library. Tick them in the order the brief should show them; each picture’s notes become its caption.</Text>
        <TextInput leftSection={<IconSearch size={14} />} placeholder="Search by file name, notes or tag" aria-label="Search pictures" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        {images.length === 0
          ? <Text size="sm">The Library has no pictures yet. Add photos in the Library, then choose them here.</Text>
          : (
            <ScrollArea.Autosize mah="55vh" type="auto" offsetScrollbars>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                {shown.map((image) => {
                  const at = picked.indexOf(image.id);
                  return (
                    <Paper key={image.id} withBorder radius="md" style={{ overflow: 'hidden', cursor: 'pointer', outline: at >= 0 ? '2px solid var(--mantine-primary-color-filled)' : undefined }}
                      onClick={() => (at >= 0 || !full) && toggle(image.id)} data-testid="mood-board-option">
                      <AssetThumb sha256={image.sha256} kind="image" height={110} fileName={image.fileName} />
                      <Group p={6} gap={6} wrap="nowrap">
                        <Checkbox size="xs" checked={at >= 0} disabled={at < 0 && full} onChange={() => toggle(image.id)} onClick={(e) => e.stopPropagation()}
                          aria-label={`Mood board: ${image.fileName}`} />
                        <Text size="xs" truncate title={image.fileName} style={{ flex: 1 }}>{at >= 0 ? `${at + 1}. ` : ''}{image.fileName}</Text>
                      </Group>
                    </Paper>
                  );
                })}
              </SimpleGrid>
            </ScrollArea.Autosize>
          )}
        {full && <Text size="sm" c="orange.8">A mood board holds at most {MOOD_BOARD_MAX} pictures; untick one to choose another.</Text>}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">{picked.length} chosen</Text>
          <Group>
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button onClick={() => onSave(picked)}>Use {picked.length} {picked.length === 1 ? 'picture' : 'pictures'}</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

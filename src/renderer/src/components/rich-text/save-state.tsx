import { Group, Loader, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { RichTextDoc } from '../../data/rich-text/rich-text-doc';

/** "Saving…" while typing, "Saved on this computer" once it is safe to close the window. */
export function SaveState({ doc }: { doc: RichTextDoc }) {
  const [saved, setSaved] = useState(doc.saved);
  useEffect(() => {
    setSaved(doc.saved);
    return doc.onSaved(setSaved);
  }, [doc]);
  return (
    <Group gap={4} c="dimmed" data-testid="text-save-state" aria-live="polite">
      {saved ? <IconCheck size={12} /> : <Loader size={10} />}
      <Text size="xs">{saved ? 'Saved on this computer' : 'Saving…'}</Text>
    </Group>
  );
}

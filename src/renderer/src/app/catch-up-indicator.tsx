import { Group, Loader, Text, Tooltip } from '@mantine/core';
import { useWorkspace } from './workspace-context';

/** While a big workspace loads behind its snapshot, say so; edits made meanwhile are kept and applied. */
export function CatchUpIndicator() {
  const { session, caughtUp } = useWorkspace();
  if (!session || caughtUp) return null;
  return (
    <Tooltip label="You can keep working: changes you make now are saved as soon as loading finishes.">
      <Group gap={6} wrap="nowrap" data-testid="catch-up-indicator">
        <Loader size={14} />
        <Text size="sm" c="dimmed" visibleFrom="sm">Loading the latest changes…</Text>
      </Group>
    </Tooltip>
  );
}

import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useSyncExternalStore } from 'react';
import { onSaveSummary, retryAllSaves, saveSummary } from '../data/save-status';

/**
 * Shown the moment the browser refuses to store a change (a full disk, a
 * storage limit), and until everything is saved: it cannot be dismissed,
 * because the changes exist only in this window until then.
 */
export function UnsavedChangesBanner() {
  const summary = useSyncExternalStore(onSaveSummary, saveSummary);

  useEffect(() => {
    // In the desktop app the close handshake saves first; a browser tab can only be asked to stay open.
    if (!summary.failing || window.fanfare) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [summary.failing]);

  if (!summary.failing) return null;
  const diskFull = summary.problem === 'disk-full';
  return (
    <Alert color="red" variant="filled" radius="md" mb="lg" icon={<IconDeviceFloppy />} role="alert" data-testid="unsaved-changes-banner"
      title="Your latest changes are not saved on this computer yet"
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 56px) + 8px)', zIndex: 150 }}>
      <Stack gap={6}>
        <Text size="sm">
          {diskFull
            ? 'The disk is full (or the browser’s storage limit is reached), so the browser refused to store them.'
            : 'The browser refused to store them.'}{' '}
          They are kept in this window, and Fanfare keeps trying to save them.
        </Text>
        <Text size="sm">
          {diskFull
            ? 'Free some disk space (empty the bin, delete large downloads or videos you no longer need): your changes are saved on their own as soon as there is room. '
            : 'Fanfare tries again every few seconds; if this stays, restart the browser or free some disk space. '}
          Keep this window open until this message goes away: closing it now would lose them.
        </Text>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs" opacity={0.85}>Browser’s message: {summary.detail}</Text>
          <Button size="xs" variant="white" color="red" onClick={retryAllSaves}>Try again now</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

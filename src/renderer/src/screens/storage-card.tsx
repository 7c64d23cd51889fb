import { Alert, Badge, Button, Card, Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { formatSize } from '../../../shared/domain/file-size';
import { askAgainToKeepStorage, browserStorage, type BrowserStorage } from '../data/browser-storage';
import { onSaveSummary, saveSummary } from '../data/save-status';

const badge = { flexShrink: 0 } as const;
const keptBadge = (persisted: boolean | null) => persisted === true
  ? <Badge color="teal" variant="light" style={badge}>Kept</Badge>
  : persisted === false ? <Badge color="orange" variant="light" style={badge}>Not guaranteed</Badge> : <Badge color="gray" variant="light" style={badge}>Unknown</Badge>;

/**
 * Where this computer's copy of the workspaces lives: whether the browser
 * promised to keep it, how much room it takes and has, and whether every
 * change is saved.
 */
export function StorageCard() {
  const [storage, setStorage] = useState<BrowserStorage | null>(null);
  const [asking, setAsking] = useState(false);
  const saves = useSyncExternalStore(onSaveSummary, saveSummary);
  const refresh = useCallback(() => void browserStorage().then(setStorage, () => setStorage(null)), []);
  useEffect(refresh, [refresh, saves.failing]);
  const askAgain = async () => {
    setAsking(true);
    await askAgainToKeepStorage();
    setAsking(false);
    refresh();
  };
  const share = storage?.usage != null && storage.quota ? Math.min(100, (storage.usage / storage.quota) * 100) : null;

  return (
    <Card withBorder radius="lg" data-testid="storage-card">
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text fw={700}>Storage on this computer</Text>
          <Text size="sm" c="dimmed">Your workspaces live in this browser's storage, and work offline.</Text>
        </Stack>
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={() => void askAgain()} loading={asking}>Check again</Button>
      </Group>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {storage ? keptBadge(storage.persisted) : <Badge color="gray" variant="light" style={badge}>Checking…</Badge>}
          <Text size="sm" data-testid="storage-kept">
            {storage?.persisted === true && 'The browser has agreed to keep Fanfare’s data: it will not clear it to make room. Only you can, by clearing this site’s data.'}
            {storage?.persisted === false && 'The browser has not agreed to keep Fanfare’s data for good. If this computer runs short of space, it may clear it without asking, and with it every change not yet on a team server or in a backup.'}
            {storage?.persisted === null && 'This browser does not say whether it keeps Fanfare’s data for good.'}
          </Text>
        </Group>
        {storage?.persisted === false && (
          <div>
            <Text size="sm" fw={600}>To keep your work safe</Text>
            <List size="sm" spacing={2}>
              <List.Item>Back up each workspace regularly, or connect it to a team server, so there is a second copy.</List.Item>
              <List.Item>Bookmark Fanfare or install it (the install icon in the address bar): browsers keep the data of sites you use that way. Then press Check again.</List.Item>
              {!window.fanfare && <List.Item>Or use the Fanfare desktop app.</List.Item>}
            </List>
          </div>
        )}
        {storage?.usage != null && (
          <Stack gap={4}>
            <Text size="sm" data-testid="storage-space">
              Using {formatSize(storage.usage)}{storage.quota ? ` of the ${formatSize(storage.quota)} this browser allows Fanfare` : ''}.
            </Text>
            {share !== null && <Progress value={Math.max(share, 1)} color={share > 80 ? 'orange' : 'fanfare'} size="sm" aria-label="Storage used" />}
          </Stack>
        )}
        {saves.failing ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} p="xs">
            <Text size="sm">Some recent changes are not saved on this computer yet: the browser refused to store them{saves.problem === 'disk-full' ? ' because the disk is full' : ''}. They are kept in this window and saved as soon as it can.</Text>
          </Alert>
        ) : (
          <Text size="sm" c="dimmed" data-testid="storage-saved">{saves.unsaved ? 'Saving your latest changes…' : 'Every change is saved on this computer.'}</Text>
        )}
      </Stack>
    </Card>
  );
}

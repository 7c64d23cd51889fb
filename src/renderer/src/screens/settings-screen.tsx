import { Badge, Button, Card, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AppInfo, MediaToolsReport, Progress as HostProgress } from '../../../shared/api/contract';
import { useWorkspace } from '../app/workspace-context';
import { PageHeader } from '../components/page-header';
import { host } from '../host';
import { TeamSyncCard } from './team-sync-card';
import { BackupsCard } from '../app/backups-card';
import { CustomFieldSettingsCard } from './custom-field-settings-card';
import { VettingCriteriaCard } from './vetting-criteria-card';
import { YourNameCard } from './your-name-card';
import { StorageCard } from './storage-card';
import { MailboxCard } from './mail/mailbox-card';

const transportLabel: Record<AppInfo['transport'], string> = {
  electron: 'Desktop app', web: 'In your browser (local web host)', 'in-process': 'Test harness',
};

function MediaTools() {
  const [report, setReport] = useState<MediaToolsReport | null>(null);
  const [progress, setProgress] = useState<HostProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async () => {
    setError(null);
    setReport(null);
    try {
      setReport(await host['media-tools-check']({}, { onProgress: setProgress }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };
  useEffect(() => void check(), []);
  return (
    <Card withBorder radius="lg">
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Text fw={700}>Video tools</Text>
          <Text size="sm" c="dimmed">Fanfare cuts UGC into channel formats on this computer with ffmpeg.</Text>
        </Stack>
        <Button variant="default" size="xs" leftSection={<IconRefresh size={14} />} onClick={() => void check()} loading={!!progress}>Check again</Button>
      </Group>
      {progress && (
        <Stack gap={4}>
          <Text size="sm">{progress.message}</Text>
          <Progress value={(progress.fraction ?? 0) * 100} animated />
        </Stack>
      )}
      {error && <Text c="red" size="sm">{error}</Text>}
      {report && (
        <Table>
          <Table.Tbody>
            {report.tools.map((t) => (
              <Table.Tr key={t.name}>
                <Table.Td><Text fw={600} size="sm">{t.name}</Text></Table.Td>
                <Table.Td>{t.available ? <Badge color="teal" variant="light">Ready</Badge> : <Badge color="orange" variant="light">Missing</Badge>}</Table.Td>
                <Table.Td><Text size="sm" c="dimmed">{t.available ? `${t.version ?? ''} (${t.source})` : t.problem}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

export function SettingsScreen() {
  const { workspaces, createSample, session } = useWorkspace();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => void host['app-info']({}).then(setInfo, () => setInfo(null)), []);
  return (
    <Stack>
      <PageHeader title="Settings" subtitle="This workspace and this computer." />
      <Card withBorder radius="lg">
        <Text fw={700} mb="sm">This computer</Text>
        {info ? (
          <Text size="sm">Fanfare {info.version} · {transportLabel[info.transport]} · {info.platform}</Text>
        ) : <Text size="sm" c="dimmed">Asking the app…</Text>}
        <Text size="sm" c="dimmed" mt="xs">Your workspaces are stored on this computer and work offline.</Text>
        {!workspaces.some((w) => w.sample) && (
          <Group mt="md"><Button variant="light" onClick={() => void createSample()}>Bring back the sample brand</Button></Group>
        )}
      </Card>
      <YourNameCard />
      {session && <VettingCriteriaCard />}
      {session && <CustomFieldSettingsCard />}
      <MailboxCard />
      <StorageCard />
      <BackupsCard />
      <TeamSyncCard />
      <MediaTools />
    </Stack>
  );
}

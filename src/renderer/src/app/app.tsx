import { Center, Loader, Stack, Text } from '@mantine/core';
import { AppLayout } from './app-layout';
import { WorkspaceProvider } from './workspace-provider';

function Opening() {
  return (
    <Center h="100vh">
      <Stack align="center" gap="xs">
        <Loader />
        <Text c="dimmed" size="sm">Opening your workspace…</Text>
      </Stack>
    </Center>
  );
}

export function App() {
  return (
    <WorkspaceProvider fallback={<Opening />}>
      <AppLayout />
    </WorkspaceProvider>
  );
}

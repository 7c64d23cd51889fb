import { Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** An empty list that teaches what goes here and how to add the first one. */
export function EmptyState({ icon, title, children, action }: { icon: ReactNode; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder p="xl" radius="lg">
      <Stack align="center" gap="sm" maw={460} mx="auto" ta="center">
        <ThemeIcon size={56} radius="xl" variant="light">{icon}</ThemeIcon>
        <Title order={3}>{title}</Title>
        <Text c="dimmed" size="sm">{children}</Text>
        {action}
      </Stack>
    </Card>
  );
}

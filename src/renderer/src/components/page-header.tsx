import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useScreenHeading } from './use-screen-heading';

/**
 * Every screen's one h1: it names the tab and takes focus after a move
 * (see useScreenHeading). `name` is for a title that is not plain text.
 */
export function PageHeader({ title, name, subtitle, actions }: { title: ReactNode; name?: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const heading = useScreenHeading(name ?? (typeof title === 'string' ? title : ''));
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Title order={1} size="h2" ref={heading} tabIndex={-1}>{title}</Title>
        {subtitle && <Text c="dimmed" size="sm">{subtitle}</Text>}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

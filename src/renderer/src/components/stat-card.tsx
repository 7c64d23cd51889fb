import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function StatCard({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Card withBorder radius="lg" p="lg">
      {/* The label wraps, never cuts: a card narrower than its title still says what it counts. */}
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" lh={1.25} style={{ overflowWrap: 'break-word' }}>{label}</Text>
      <Text fz={28} fw={750} mt={4}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Card>
  );
}

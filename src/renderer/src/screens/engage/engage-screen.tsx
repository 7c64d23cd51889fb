import { Stack, Title } from '@mantine/core';

/** Job 14: our creators' live posts to like, comment on or share (built in issue 23). */
export function EngageScreen() {
  return <Stack><Title order={2}>Engage</Title></Stack>;
}

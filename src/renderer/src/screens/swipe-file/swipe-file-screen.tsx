import { Stack, Title } from '@mantine/core';

/** Job 1: links, text ideas and library files saved for inspiration (built in issue 23). */
export function SwipeFileScreen() {
  return <Stack><Title order={2}>Swipe file</Title></Stack>;
}

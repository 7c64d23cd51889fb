import { Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PostChange } from '../../../../shared/domain/metrics-import-changes';
import { formatDay, platformLabel, type ContentRow, type CreatorLite } from '../review/review-data';
import { changeLines } from './metric-figures';

function latestAt(post: ContentRow | undefined): string | null {
  let at: string | null = null;
  for (const m of post?.metrics ?? []) if (!at || m.at > at) at = m.at;
  return at;
}

/** Each post the import touches: its figures before → after, an older snapshot said to change nothing current, and figures that cannot all be true. */
export function ImportChangesTable({ changes, posts, creators }: { changes: PostChange[]; posts: Map<string, ContentRow>; creators: Map<string, CreatorLite> }) {
  return (
    <ScrollArea.Autosize mah={320}>
      <Table verticalSpacing={6} data-testid="import-changes">
        <Table.Thead><Table.Tr><Table.Th>Post</Table.Th><Table.Th>Before → after</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {changes.map((c) => {
            const post = posts.get(c.contentId);
            const lines = changeLines(c.before, c.after, c.changed);
            return (
              <Table.Tr key={c.contentId} data-testid="import-change" bg={c.problem && !c.awaitingChoice ? 'var(--mantine-color-red-light)' : c.issues.length ? 'var(--mantine-color-orange-light)' : undefined}>
                <Table.Td miw={180} valign="top">
                  <Text size="sm" fw={600}>{creators.get(post?.creatorId ?? '')?.name ?? 'Post'}</Text>
                  <Text size="xs" c="dimmed">{platformLabel(post?.platform ?? null)} {post?.format} · posted {formatDay(post?.postedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {c.problem && <Text size="sm" c={c.awaitingChoice ? 'dimmed' : 'red.9'}>{c.awaitingChoice ? 'Choose above whether the file’s orders add to this post’s or replace them.' : c.problem}</Text>}
                    {!c.problem && lines.map((line) => <Text key={line} size="sm" ff="monospace">{line}</Text>)}
                    {!c.problem && !c.olderOnly && lines.length === 0 && <Text size="sm" c="dimmed">No figure changes.</Text>}
                    {c.writes.filter((w) => w.older).map((w) => (
                      <Text key={w.at} size="sm" c="dimmed"><b>Kept in history:</b> the figures of {formatDay(w.at)} are older than the current ones ({formatDay(latestAt(post))}); they do not change the current figures.</Text>
                    ))}
                    {c.issues.map((i) => (
                      <Group key={i.message} gap={6} wrap="nowrap"><IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" /><Text size="sm" c="orange.9">{i.message}</Text></Group>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

import { Group, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PostChange } from '../../../../shared/import/metrics-import-changes';
import { formatDay, platformLabel, type ContentRow, type CreatorLite } from '../review/review-data';
import { changeLines } from './metric-figures';

function latestAt(post: ContentRow | undefined): string | null {
  let at: string | null = null;
  for (const m of post?.metrics ?? []) if (!at || m.at > at) at = m.at;
  return at;
}

/** Each post the import touches: its figures before → after, an older snapshot said to change nothing current, and figures that cannot all be true. */
export function ImportChangesList({ changes, posts, creators }: { changes: PostChange[]; posts: Map<string, ContentRow>; creators: Map<string, CreatorLite> }) {
  // A list, not a table: a preview of what an import will do, not records to export.
  return (
    <ScrollArea.Autosize mah={320}>
      <Stack gap={0} data-testid="import-changes">
        <Group px="xs" py={4} wrap="nowrap"><Text size="sm" fw={700} w={200}>Post</Text><Text size="sm" fw={700}>Before → after</Text></Group>
        {changes.map((c) => {
          const post = posts.get(c.contentId);
          const lines = changeLines(c.before, c.after, c.changed);
          return (
            <Group key={c.contentId} data-testid="import-change" px="xs" py={6} wrap="nowrap" align="flex-start" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              bg={c.problem && !c.awaitingChoice ? 'var(--mantine-color-red-light)' : c.issues.length ? 'var(--mantine-color-orange-light)' : undefined}>
              <Stack gap={0} w={200} style={{ flexShrink: 0 }}>
                <Text size="sm" fw={600}>{creators.get(post?.creatorId ?? '')?.name ?? 'Post'}</Text>
                <Text size="xs" c="dimmed">{platformLabel(post?.platform ?? null)} {post?.format} · posted {formatDay(post?.postedAt)}</Text>
              </Stack>
              <Stack gap={2} style={{ minWidth: 0 }}>
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
            </Group>
          );
        })}
      </Stack>
    </ScrollArea.Autosize>
  );
}

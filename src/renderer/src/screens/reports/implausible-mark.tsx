import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PostRow } from '../../../../shared/reports/build-report';

/** Beside a post whose figures cannot all be true: why, whether someone confirmed them, and whether the report left them out. */
export function ImplausibleMark({ post }: { post: PostRow }) {
  if (!post.implausible) return null;
  const state = post.figuresLeftOut ? 'Left out' : post.implausible === 'confirmed' ? 'Confirmed' : 'Doubtful';
  const said = `${post.implausibleWhy} ${post.implausible === 'confirmed' ? 'Kept as right by whoever entered them.' : 'Not confirmed by anyone.'}${post.figuresLeftOut ? ' This report leaves its figures out.' : ''}`;
  return (
    <Tooltip label={said} multiline maw={320} withArrow color="orange">
      <Badge size="xs" variant="light" color="orange" leftSection={<IconAlertTriangle size={10} />} data-testid="implausible-mark">{state}</Badge>
    </Tooltip>
  );
}

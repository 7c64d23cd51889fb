import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Report } from '../../../../shared/reports/build-report';

/** Says how many posts in the report have figures that cannot all be true, and offers to leave them out (or back in). */
export function ImplausibleAlert({ report, onLeaveOut }: { report: Report; onLeaveOut(leaveOut: boolean): void }) {
  const { posts, confirmed, leftOut } = report.implausible;
  if (posts === 0) return null;
  const names = [...new Set(report.posts.filter((p) => p.implausible).map((p) => p.creatorName))];
  const one = posts === 1;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="implausible-alert"
      title={`${posts} post${one ? ' has' : 's have'} figures that cannot all be true`}>
      <Text size="sm">
        {names.slice(0, 5).join(', ')}{names.length > 5 ? ` and ${names.length - 5} more` : ''}: for example more engagements than people reached.
        {confirmed > 0 ? ` ${confirmed} ${confirmed === 1 ? 'was' : 'were'} confirmed by whoever entered them.` : ' Nobody has confirmed them.'}
        {leftOut ? ` Their figures are left out of this report; ${one ? 'it still counts' : 'they still count'} as ${one ? 'a post' : 'posts'}.` : ' They are included in every figure below.'}
      </Text>
      <Button mt="xs" size="compact-sm" variant="light" color="orange" onClick={() => onLeaveOut(!leftOut)}>{leftOut ? 'Put their figures back in' : 'Leave their figures out'}</Button>
    </Alert>
  );
}

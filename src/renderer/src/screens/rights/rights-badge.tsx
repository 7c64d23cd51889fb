import { Badge, Tooltip } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { rightsBadge, type RightLike } from '../../../../shared/domain/usage-rights';
import { localToday } from '../../../../shared/domain/dates';
import { useRxQuery } from '../../hooks/use-rx-query';

/** The badge for rights already loaded (lists pass the rights they have, to avoid one query per row). */
export function RightsBadgeView({ rights, today = localToday() }: { rights: readonly RightLike[]; today?: string }) {
  const badge = rightsBadge(rights, today);
  return (
    <Tooltip label={badge.detail} withArrow multiline maw={280}>
      <Badge size="md" variant="light" color={badge.color} tt="none" fw={600} leftSection={<IconShieldCheck size={12} />} data-testid="rights-badge" style={{ flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}>{badge.label}</Badge>
    </Tooltip>
  );
}

/**
 * "Paid use OK until 12 Mar", "Expired": for use wherever an asset or a post
 * appears. Rights recorded on a post count for the files of that post too.
 */
export function RightsBadge({ assetId, contentId }: { assetId?: string | null; contentId?: string | null }) {
  const or: Record<string, string>[] = [];
  if (assetId) or.push({ assetId });
  if (contentId) or.push({ contentId });
  const rights = useRxQuery<RightLike>('rights', { selector: or.length ? { deletedAt: null, $or: or } : { id: '-' } }, `rights-badge-${assetId}-${contentId}`);
  if (!rights) return null;
  return <RightsBadgeView rights={rights} />;
}

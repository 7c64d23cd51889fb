import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { hasAdAccess } from '../../../../shared/domain/ad-access';
import { AdAccessFormModal } from './ad-access-form-modal';
import { AdAccessLine } from './ad-access-line';
import type { RightRow } from './rights-data';

/**
 * "Ad access" wherever a post or file is shown: what is recorded, and a way
 * to record it. Takes the rights the place already has (those without ad
 * access are skipped), so it adds no query of its own.
 */
export function AdAccessSection({ rights, contentId, assetId, creatorId, describe, readOnly }: {
  rights: readonly RightRow[]; contentId?: string | null; assetId?: string | null; creatorId?: string | null;
  describe?: (right: RightRow) => string; readOnly?: boolean;
}) {
  const [editing, setEditing] = useState<{ right: RightRow | null } | null>(null);
  const withAccess = rights.filter((r) => !r.deletedAt && hasAdAccess(r.whitelisting));
  return (
    <Stack gap={4} data-testid="ad-access-section">
      <Group gap="xs">
        <Text size="sm" fw={600}>Ad access</Text>
        {!readOnly && <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setEditing({ right: null })}>Record ad access</Button>}
      </Group>
      {withAccess.length === 0
        ? <Text size="xs" c="dimmed">None recorded. Record the creator’s Spark Ads code or partnership ad approval here to run it as an ad from their handle, with a reminder before it runs out.</Text>
        : withAccess.map((r) => <AdAccessLine key={r.id} right={r} about={describe?.(r)} onEdit={readOnly ? undefined : () => setEditing({ right: r })} />)}
      <AdAccessFormModal opened={!!editing} right={editing?.right} contentId={contentId} assetId={assetId} creatorId={creatorId} onClose={() => setEditing(null)} />
    </Stack>
  );
}

import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { adAccessPlatformLabels, adAccessView } from '../../../../shared/domain/ad-access';
import { formatLongDate, formatShortDate } from '../../../../shared/domain/usage-rights';
import { localToday } from '../../../../shared/domain/dates';
import { AdAccessCode } from './ad-access-code';
import type { RightRow } from './rights-data';

/** One ad access as posts, files and profiles show it: platform, where it stands, the masked code, the dates and the ad account. */
export function AdAccessLine({ right, onEdit, about }: { right: RightRow; onEdit?: () => void; about?: string }) {
  const w = right.whitelisting;
  if (!w) return null;
  const today = localToday();
  const view = adAccessView(w, today, (d) => formatShortDate(d, undefined, today));
  const period = [w.accessStartsOn ? `from ${formatLongDate(w.accessStartsOn)}` : '', w.accessExpiresOn ? `until ${formatLongDate(w.accessExpiresOn)}` : 'no end date'].filter(Boolean).join(' ');
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" data-testid="ad-access-line">
      <Stack gap={2}>
        <Group gap="xs">
          <Text size="sm" fw={600}>{w.platform ? adAccessPlatformLabels[w.platform] : 'Ad access'}</Text>
          <Badge size="sm" variant="light" color={view.color} tt="none" data-testid="ad-access-status">{view.label}</Badge>
          <AdAccessCode code={w.sparkCode} platform={w.platform} />
        </Group>
        <Text size="xs" c="dimmed">{[about, `Access ${period}`, w.adAccount ? `ad account ${w.adAccount}` : ''].filter(Boolean).join(' · ')}</Text>
      </Stack>
      {onEdit && <Button size="compact-xs" variant="subtle" onClick={onEdit} style={{ flexShrink: 0 }}>Edit</Button>}
    </Group>
  );
}

import { Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy } from '@tabler/icons-react';
import { adCodeNames, maskCode, type AdAccessPlatform } from '../../../../shared/domain/ad-access';
import { reportError } from '../../components/report-error';

/**
 * The code as dots and its last four characters; a click copies the whole
 * code for pasting into Ads Manager, without ever putting it on screen.
 */
export function AdAccessCode({ code, platform }: { code: string; platform: AdAccessPlatform | null }) {
  const name = adCodeNames[platform ?? 'other'];
  if (!code.trim()) return null;
  const copy = () => navigator.clipboard.writeText(code.trim())
    .then(() => notifications.show({ message: `The ${name} is copied: paste it into the ads manager.` }), reportError(`The ${name} could not be copied`));
  return (
    <Tooltip label={`Copy the ${name}`} withArrow>
      <Button size="compact-xs" variant="light" color="gray" rightSection={<IconCopy size={12} />} data-testid="ad-code"
        aria-label={`Copy the ${name} ending ${maskCode(code)}`} onClick={(e) => { e.stopPropagation(); void copy(); }}
        styles={{ label: { fontFamily: 'var(--mantine-font-family-monospace)' } }}>
        {maskCode(code)}
      </Button>
    </Tooltip>
  );
}

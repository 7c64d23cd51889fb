import { Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { checkPlausibility, type PlausibilityInput } from '../../../../shared/domain/metric-plausibility';

/** A mark beside figures that cannot all be true, saying why and whether someone confirmed them. */
export function PlausibilityMark({ values, confirmed }: { values: PlausibilityInput; confirmed?: boolean }) {
  const issues = checkPlausibility(values);
  if (!issues.length) return null;
  const said = issues.map((i) => i.message).join(' ');
  return (
    <Tooltip label={`${said} ${confirmed ? 'Kept as right by whoever entered them.' : 'Not confirmed by anyone.'}`} multiline maw={320} withArrow color="orange">
      <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-label={confirmed ? 'Implausible figures, confirmed' : 'Implausible figures, not confirmed'} data-testid="plausibility-mark" />
    </Tooltip>
  );
}

import { Button, Indicator } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { memo } from 'react';

/** Opens the filter panel; the dot says how many filters are on. Memoised: typing in the search leaves it alone. */
export const FiltersButton = memo(function FiltersButton({ active, open, onToggle }: { active: number; open: boolean; onToggle(): void }) {
  return (
    <Indicator label={active} size={16} disabled={!active} offset={2}>
      <Button size="xs" variant={open ? 'light' : 'default'} leftSection={<IconAdjustmentsHorizontal size={16} />}
        onClick={onToggle} aria-expanded={open}>Filters</Button>
    </Indicator>
  );
});

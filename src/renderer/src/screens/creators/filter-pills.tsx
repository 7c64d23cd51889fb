import { Anchor, Badge, CloseButton, Group } from '@mantine/core';
import { memo } from 'react';
import { clearFilter, type CreatorFilters, type FilterField } from '../../../../shared/domain/creator-filters';
import { describeFilter, type FilterNames } from './describe-filter';

interface Props {
  filters: CreatorFilters;
  active: readonly FilterField[];
  names: FilterNames;
  onChange(update: (filters: CreatorFilters) => CreatorFilters): void;
  onClear(): void;
}

/** The filters in force, one pill each, each removable on its own (by mouse or keyboard). */
export const FilterPills = memo(function FilterPills({ filters, active, names, onChange, onClear }: Props) {
  // Stages are said together with their campaign.
  const shown = active.filter((f) => !(f === 'stages' && active.includes('campaign')));
  if (!shown.length) return null;
  return (
    <Group gap={6} mb="sm" aria-label="Filters in use" role="list">
      {shown.map((field) => {
        const text = describeFilter(field, filters, names);
        return (
          <Badge key={field} role="listitem" size="lg" variant="light" color="gray" tt="none" fw={500} radius="xl" pr={4}
            rightSection={<CloseButton size="xs" radius="xl" aria-label={`Remove filter ${text}`} onClick={() => onChange((f) => clearFilter(f, field))} />}>
            {text}
          </Badge>
        );
      })}
      <Anchor component="button" type="button" size="xs" c="dimmed" onClick={onClear}>Clear all</Anchor>
    </Group>
  );
});

import { MultiSelect } from '@mantine/core';
import { memo, useMemo, type ReactNode } from 'react';
import type { FilterField } from '../../../../shared/domain/creator-filters';
import classes from './filter-panel.module.css';

export interface Choice {
  value: string;
  label: string;
  count?: number;
}

interface Props {
  field: FilterField;
  label: string;
  placeholder: string;
  choices: Choice[];
  value: string[];
  onField(field: FilterField, value: string[]): void;
  disabled?: boolean;
  /** Shown under the input: a hint, or a link to what decides the choices. */
  description?: ReactNode;
}

/**
 * Pick any of the values present in the list, each with how many creators
 * have it. Memoised: changing one filter re-renders only its own control.
 */
export const ChoiceFilter = memo(function ChoiceFilter({ field, label, placeholder, choices, value, onField, disabled, description }: Props) {
  const counts = useMemo(() => new Map(choices.map((c) => [c.value, c.count])), [choices]);
  const data = useMemo(() => {
    // A saved view may name a value nobody has any more; it stays visible so it can be removed.
    const missing = value.filter((v) => !counts.has(v)).map((v) => ({ value: v, label: v }));
    return [...choices.map(({ value: v, label: l }) => ({ value: v, label: l })), ...missing];
  }, [choices, counts, value]);
  return (
    <MultiSelect size="xs" label={label} placeholder={value.length ? undefined : placeholder} data={data} value={value} onChange={(v) => onField(field, v)}
      searchable clearable limit={200} maxDropdownHeight={280} disabled={disabled} nothingFoundMessage="No creator has that"
      description={description} inputWrapperOrder={['label', 'input', 'description']} comboboxProps={{ shadow: 'md' }}
      renderOption={({ option }) => (
        <span className={classes.option}>
          <span className={classes.optionLabel}>{option.label}</span>
          {counts.get(option.value) !== undefined && <span className={classes.optionCount}>{counts.get(option.value)!.toLocaleString()}</span>}
        </span>
      )} />
  );
});

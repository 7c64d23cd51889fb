import { Input, SegmentedControl, Select } from '@mantine/core';
import { memo } from 'react';

interface Props {
  label: string;
  placeholder?: string;
  data: readonly { value: string; label: string }[];
  value: string | null;
  onPick(value: string | null): void;
  /** Few choices, all on show (Email: any, has, none); otherwise a dropdown that can be cleared. */
  segmented?: boolean;
}

/**
 * One value, or any: campaign, last contacted, email, worked with us.
 * Memoised like the other filters, so changing one filter does not draw
 * these again (the segmented control measures itself on every render).
 */
export const OneChoiceFilter = memo(function OneChoiceFilter({ label, placeholder, data, value, onPick, segmented }: Props) {
  if (segmented) {
    return (
      <Input.Wrapper size="xs" label={label}>
        <SegmentedControl size="xs" fullWidth aria-label={label} value={value ?? data[0].value} onChange={onPick} data={data as { value: string; label: string }[]} />
      </Input.Wrapper>
    );
  }
  return <Select size="xs" label={label} placeholder={placeholder} clearable data={data as { value: string; label: string }[]} value={value} onChange={onPick} />;
});

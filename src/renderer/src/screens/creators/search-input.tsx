import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { memo, type Ref } from 'react';

interface Props {
  value: string;
  onChange(value: string): void;
  ref?: Ref<HTMLInputElement>;
}

/** Type-ahead over names, handles (with or without "@", or a pasted profile link), emails, notes and tags. */
export const SearchInput = memo(function SearchInput({ value, onChange, ref }: Props) {
  return (
    <TextInput ref={ref} size="xs" w={340} leftSection={<IconSearch size={15} />} aria-label="Search creators"
      placeholder="Search name, @handle, email, note or tag" value={value} onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        if (value) onChange('');
        else e.currentTarget.blur();
        e.stopPropagation();
      }}
      rightSectionPointerEvents={value ? 'all' : 'none'}
      rightSection={value ? <CloseButton size="sm" aria-label="Clear search" onClick={() => onChange('')} /> : <Kbd size="xs">/</Kbd>} />
  );
});

import { Button, CloseButton, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../app/workspace-context';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { useRxQuery } from '../hooks/use-rx-query';
import { CreatorFormModal } from './creator-form-modal';
import { sortCreators, type CreatorRow, type CreatorSort } from './creator-row';
import { CreatorsTable } from './creators-table';
import { LikelyDuplicatesBanner } from './likely-duplicates-banner';
import { ImportCreatorsButton } from './import/import-creators-button';

export function CreatorsScreen() {
  const session = useSession();
  const [adding, setAdding] = useState(false);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [sort, setSort] = useState<{ by: CreatorSort; desc: boolean }>({ by: 'name', desc: false });
  const [matches, setMatches] = useState<string[] | null>(null);
  const rows = useRxQuery<CreatorRow>('creators', { selector: { deletedAt: null } }, 'creators-active');

  useEffect(() => {
    let cancelled = false;
    if (!debounced.trim()) {
      setMatches(null);
      return;
    }
    void session.searchReady.then(() => !cancelled && setMatches(session.search.search(debounced, 500)));
    return () => { cancelled = true; };
  }, [debounced, session, rows]);

  const visible = useMemo(() => {
    if (!rows) return [];
    if (matches) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      return matches.map((id) => byId.get(id)).filter((r): r is CreatorRow => !!r);
    }
    return sortCreators(rows, sort.by, sort.desc);
  }, [rows, matches, sort]);

  const total = rows?.length ?? 0;
  return (
    <>
      <PageHeader
        title="Creators"
        subtitle={rows ? `${total.toLocaleString()} ${total === 1 ? 'creator' : 'creators'} in this workspace` : 'Loading…'}
        actions={<><ImportCreatorsButton /><Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>Add creator</Button></>}
      />
      {rows && total === 0 ? (
        <EmptyState icon={<IconUsers size={28} />} title="Your creator list starts here"
          action={<Button onClick={() => setAdding(true)}>Add your first creator</Button>}>
          Add the creators you work with or want to work with: their accounts on every platform, how to reach them and where to ship. Everyone on your team sees the same list.
        </EmptyState>
      ) : (
        <>
          <LikelyDuplicatesBanner version={rows} />
          <Group mb="sm">
            <TextInput
              w={420}
              leftSection={<IconSearch size={16} />}
              placeholder="Search by name, @handle, email or tag"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              rightSection={query ? <CloseButton aria-label="Clear search" onClick={() => setQuery('')} /> : null}
              aria-label="Search creators"
            />
            {matches && <Text size="sm" c="dimmed">{visible.length === 0 ? 'No creator matches. Check the spelling, or search by handle or email.' : `${visible.length.toLocaleString()} matching`}</Text>}
          </Group>
          <CreatorsTable rows={visible} sort={matches ? null : sort} onSort={(by) => setSort((s) => ({ by, desc: s.by === by ? !s.desc : by !== 'name' && by !== 'country' }))} />
        </>
      )}
      <CreatorFormModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}

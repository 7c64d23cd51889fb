import { Button, Center, Loader } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../components/empty-state';
import { PageHeader } from '../components/page-header';
import { CreatorFormModal } from './creator-form-modal';
import { CreatorList } from './creators/creator-list';
import { useCreatorData } from './creators/use-creator-data';
import { LikelyDuplicatesBanner } from './likely-duplicates-banner';
import { ImportCreatorsButton } from './import/import-creators-button';

export function CreatorsScreen() {
  const [adding, setAdding] = useState(false);
  const data = useCreatorData();
  const { rows, index } = data;
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
      ) : index ? (
        <>
          <LikelyDuplicatesBanner version={rows} />
          <CreatorList data={{ ...data, index }} />
        </>
      ) : (
        <Center h={240}><Loader size="sm" /></Center>
      )}
      <CreatorFormModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}

import { Alert, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { IconBulb, IconLink, IconPhoto, IconSparkles } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { SYSTEM_ORIGIN } from '../../../../shared/data/ydoc';
import { emptySwipeFilter, filterSwipes, swipeFacets, swipeLabel, type SwipeFilter, type SwipeKind } from '../../../../shared/domain/swipe-file';
import { useSession } from '../../app/workspace-context';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { useRxQuery } from '../../hooks/use-rx-query';
import { SwipeCard } from './swipe-card';
import { SwipeFilterBar } from './swipe-filter-bar';
import { SwipeFormModal } from './swipe-form-modal';
import type { BriefChoice, SwipeAsset, SwipeRow } from './swipe-rows';
import { useLinkPreviews } from './use-link-previews';

/** Job 1: links, text ideas and Library files saved for inspiration, on boards, ready to become a brief's references. */
export function SwipeFileScreen() {
  const session = useSession();
  const items = useRxQuery<SwipeRow>('swipes', { selector: { deletedAt: null }, sort: [{ position: 'desc' }] }, 'swipe-items');
  const assets = useRxQuery<SwipeAsset>('assets', { selector: { deletedAt: null } }, 'swipe-assets');
  const briefs = useRxQuery<BriefChoice>('documents', { selector: { kind: 'brief', deletedAt: null }, sort: [{ updatedAt: 'desc' }] }, 'swipe-briefs');
  const { online } = useLinkPreviews(items);
  const [filter, setFilter] = useState<SwipeFilter>(emptySwipeFilter);
  const [form, setForm] = useState<{ kind: SwipeKind } | { item: SwipeRow } | null>(null);

  const all = useMemo(() => items ?? [], [items]);
  const facets = useMemo(() => swipeFacets(all), [all]);
  const shown = useMemo(() => filterSwipes(all, filter), [all, filter]);
  const assetById = useMemo(() => new Map((assets ?? []).map((a) => [a.id, a])), [assets]);

  const remove = (item: SwipeRow) => {
    const label = swipeLabel(item, item.assetId ? assetById.get(item.assetId)?.fileName : undefined);
    void session.commands.softDelete('swipes', [item.id]).then(
      () => notifyWithUndo(`“${label}” moved to the trash`, () => void session.commands.restore('swipes', [item.id])),
      reportError('The item was not moved to the trash'));
  };
  const retry = (item: SwipeRow) => void session.commands.update('swipes', item.id, { fetchProblem: null, fetchedAt: null }, { origin: SYSTEM_ORIGIN })
    .catch(reportError('The page was not read again'));

  const addButtons = (
    <>
      <Button leftSection={<IconLink size={16} />} onClick={() => setForm({ kind: 'link' })}>Save a link</Button>
      <Button variant="default" leftSection={<IconBulb size={16} />} onClick={() => setForm({ kind: 'idea' })}>Write an idea</Button>
      <Button variant="default" leftSection={<IconPhoto size={16} />} onClick={() => setForm({ kind: 'file' })}>Save a file</Button>
    </>
  );

  return (
    <>
      <PageHeader title="Swipe file" subtitle="Ads, posts and ideas worth borrowing from, yours and your competitors’, on boards you can pull into a brief."
        actions={items && items.length > 0 ? addButtons : undefined} />
      {!online && <Alert color="gray" mb="md">You are offline. Links you save are kept now; their titles and pictures are read when you are back online.</Alert>}
      {items && items.length === 0 ? (
        <EmptyState icon={<IconSparkles size={28} />} title="Keep what inspires you in one place" action={<Group>{addButtons}</Group>}>
          Paste a link to a competitor’s ad or a creator’s post and Fanfare keeps its title and picture, even if the post disappears.
          Write down an idea before it slips away, or upload a screenshot. Put them on boards like “Summer launch ideas”, tag them,
          and choose “Use in a brief” to show them to creators as references.
        </EmptyState>
      ) : (
        <>
          <SwipeFilterBar filter={filter} onChange={setFilter} facets={facets} />
          <Text size="sm" c="dimmed" mb="sm">{shown.length} of {all.length} {all.length === 1 ? 'item' : 'items'}</Text>
          {shown.length === 0 && all.length > 0 && <Alert color="gray">Nothing matches these filters. Clear a filter to see more.</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 4 }} spacing="md">
            {shown.map((item) => (
              <SwipeCard key={item.id} item={item} asset={item.assetId ? assetById.get(item.assetId) : undefined} briefs={briefs ?? []} online={online}
                onEdit={() => setForm({ item })} onDelete={() => remove(item)} onRetry={() => retry(item)} />
            ))}
          </SimpleGrid>
        </>
      )}
      {form && <SwipeFormModal start={form} facets={facets} assets={assets ?? []} onClose={() => setForm(null)} />}
    </>
  );
}

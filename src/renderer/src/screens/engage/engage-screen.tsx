import { Anchor, Button, Card, Grid, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EngageAction } from '../../../../shared/data/schemas/content';
import { engageCounts, engageQueue, LIVE_DAYS, type EngageFilter } from '../../../../shared/domain/engage-queue';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useRxQuery } from '../../hooks/use-rx-query';
import { useTeammates } from '../tasks/use-teammates';
import { assignEngage, recordEngaged } from './engage-actions';
import { EngageFilterSelect, FIXED_FILTERS } from './engage-filter-select';
import { EngagePostCard } from './engage-post-card';
import { EngageRow } from './engage-row';
import { SavedRepliesCard } from './saved-replies-card';
import { ShortcutsHint } from './shortcuts-hint';
import { useNow } from '../outreach/use-now';
import { useEngagePosts } from './use-engage-posts';

const FILTER_KEY = 'fanfare.engage.filter';
const DEFAULT_ACTIONS: EngageAction[] = ['like'];

const NOT_TYPING = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !NOT_TYPING.has((target as HTMLInputElement).type);
}

/** Job 14: our creators' live posts for the team to like, comment on and share, worked through from the keyboard. */
export function EngageScreen() {
  const session = useSession();
  const posts = useEngagePosts();
  const now = useNow();
  const { me, teammates, nameOf } = useTeammates((posts ?? []).map((p) => p.engageAssigneeId));
  const [filter, setFilter] = useState(() => localStorage.getItem(FILTER_KEY) ?? 'for-me');
  useEffect(() => localStorage.setItem(FILTER_KEY, filter), [filter]);
  const engageFilter: EngageFilter = (FIXED_FILTERS as readonly string[]).includes(filter) ? filter as EngageFilter : { personId: filter };
  const filterKey = JSON.stringify(engageFilter);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const queue = useMemo(() => engageQueue(posts ?? [], engageFilter, me.id, now), [posts, filterKey, me.id, now]);
  const counts = useMemo(() => engageCounts(posts ?? [], me.id, now), [posts, me.id, now]);

  const creatorIds = useMemo(() => [...new Set(queue.map((p) => p.creatorId))].sort(), [queue]);
  const creators = useRxQuery<{ id: string; name: string }>('creators', { selector: { id: { $in: creatorIds } } }, `engage-creators-${creatorIds.join(',')}`);
  const campaigns = useRxQuery<{ id: string; name: string }>('campaigns', { selector: {} }, 'engage-campaigns');
  const creatorName = (id: string) => (creators ?? []).find((c) => c.id === id)?.name ?? 'A removed creator';
  const campaignName = (id: string | null) => (id ? (campaigns ?? []).find((c) => c.id === id)?.name ?? null : null);

  // The cursor follows its post when others come and go; when its post leaves, it stays at the same place: the next one.
  const [cursor, setCursor] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  const foundAt = queue.findIndex((p) => p.id === cursor.id);
  const index = foundAt >= 0 ? foundAt : Math.min(cursor.index, Math.max(queue.length - 1, 0));
  const current = queue[index] ?? null;
  const select = (i: number) => {
    const clamped = Math.max(0, Math.min(i, queue.length - 1));
    setCursor({ id: queue[clamped]?.id ?? null, index: clamped });
  };
  const rowRefs = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (current) rowRefs.current.get(current.id)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const [ticked, setTicked] = useState(new Map<string, EngageAction[]>());
  const actionsOf = (id: string) => ticked.get(id) ?? DEFAULT_ACTIONS;
  const setActions = (id: string, actions: EngageAction[]) => setTicked((m) => new Map(m).set(id, actions));
  const toggle = (action: EngageAction) => {
    if (!current) return;
    const now = actionsOf(current.id);
    setActions(current.id, now.includes(action) ? now.filter((a) => a !== action) : [...now, action]);
  };

  const open = () => {
    if (!current) return;
    if (!current.url) {
      notifications.show({ color: 'yellow', message: 'No link was logged for this post: add it on Posts & metrics to open it from here.' });
      return;
    }
    window.open(current.url, '_blank', 'noopener,noreferrer');
  };
  const finish = (status: 'done' | 'skipped') => {
    if (!current) return;
    setCursor({ id: null, index });
    void recordEngaged(session, current, status, actionsOf(current.id), me.id, creatorName(current.creatorId)).then((saved) => {
      if (!saved) setCursor({ id: current.id, index });
    });
  };

  // Keys work the queue unless someone is typing; a ticked chip (a checkbox) keeps them working.
  const key = (run: () => void) => (event: KeyboardEvent) => { if (!isTyping(event.target)) run(); };
  useHotkeys([
    ['j', key(() => select(index + 1))],
    ['k', key(() => select(index - 1))],
    ['o', key(open)],
    ['d', key(() => finish('done'))],
    ['s', key(() => finish('skipped'))],
    ['l', key(() => toggle('like'))],
    ['c', key(() => toggle('comment'))],
    ['h', key(() => toggle('share'))],
  ], []);

  const whose = filter === 'for-me' ? 'you' : filter === 'mine' ? 'you' : filter === 'unassigned' ? 'nobody in particular' : filter === 'everyone' ? 'the team' : nameOf(filter) ?? 'this teammate';
  const header = (
    <PageHeader title="Engage"
      subtitle={`Like, comment on and share our creators’ posts from the last ${LIVE_DAYS} days, while it helps them most. ${counts.done} done and ${counts.skipped} skipped by the team so far.`}
      actions={posts && posts.length > 0 ? <EngageFilterSelect value={filter} onChange={(v) => { setFilter(v); setCursor({ id: null, index: 0 }); }} counts={counts} teammates={teammates} /> : undefined} />
  );

  if (posts && posts.length === 0) {
    return (
      <Stack gap={0} maw={1100}>
        {header}
        <EmptyState icon={<IconHeartHandshake />} title="Cheer on your creators’ posts"
          action={<Button component="a" href={hrefFor({ screen: 'posts' })}>Log a live post</Button>}>
          When a creator’s post goes live and someone logs it on Posts &amp; metrics (by hand or by import), it lands here for {LIVE_DAYS} days. Open it, like it, comment with one of the team’s saved replies, share it, then press D for done. Give posts to teammates so nobody comments twice.
        </EmptyState>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" maw={1100}>
      {header}
      <ShortcutsHint />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="lg" p={4} data-testid="engage-queue" mah="calc(100vh - 260px)" style={{ overflowY: 'auto' }}>
            {posts && queue.length === 0 && (
              <Stack align="center" gap={4} p="lg" ta="center" data-testid="engage-caught-up">
                <Text fw={600}>All caught up</Text>
                <Text size="sm" c="dimmed">
                  Nothing is waiting for {whose}.{' '}
                  {filter !== 'everyone' && counts.everyone > 0 ? <>The team still has {counts.everyone}: <Anchor component="button" size="sm" onClick={() => setFilter('everyone')}>see everyone’s</Anchor>.</> : `New posts show up here as they are logged.`}
                </Text>
              </Stack>
            )}
            {queue.map((post, i) => (
              <EngageRow key={post.id} ref={(el) => { if (el) rowRefs.current.set(post.id, el); else rowRefs.current.delete(post.id); }}
                post={post} creatorName={creatorName(post.creatorId)} campaignName={campaignName(post.campaignId)} assigneeName={nameOf(post.engageAssigneeId)}
                selected={i === index} now={now} onSelect={() => select(i)} />
            ))}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {current && (
              <EngagePostCard post={current} creatorName={creatorName(current.creatorId)} campaignName={campaignName(current.campaignId)}
                actions={actionsOf(current.id)} onActions={(a) => setActions(current.id, a)} onOpen={open}
                onDone={() => finish('done')} onSkip={() => finish('skipped')} onAssign={(personId) => void assignEngage(session, current, personId)} />
            )}
            <SavedRepliesCard onCopied={() => {
              if (current && !actionsOf(current.id).includes('comment')) setActions(current.id, [...actionsOf(current.id), 'comment']);
            }} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

import { VisuallyHidden } from '@mantine/core';
import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconCalendar, IconChartBar, IconChecklist, IconCopy, IconEyeCheck, IconLicense, IconPhotoCheck, IconPhotoVideo, IconFileCertificate, IconFileText, IconFlame, IconHome2, IconMailFast, IconBulb, IconHeartHandshake, IconAd2, IconPackage, IconSearch, IconSettings, IconSpeakerphone, IconTicket, IconTrash, IconUser, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { navigate } from './routes';
import { requestDuplicateSearch } from '../screens/duplicate-search';
import { useSession } from './workspace-context';

const screens: SpotlightActionData[] = [
  { id: 'go-overview', label: 'Overview', description: 'Go to the overview', leftSection: <IconHome2 size={18} />, onClick: () => navigate({ screen: 'overview' }) },
  { id: 'go-creators', label: 'Creators', description: 'Go to the creator list', leftSection: <IconUsers size={18} />, onClick: () => navigate({ screen: 'creators' }) },
  { id: 'go-warm-list', label: 'Warm list', description: 'Creators who posted for you, best first', leftSection: <IconFlame size={18} />, onClick: () => navigate({ screen: 'warm-list' }) },
  { id: 'go-briefs', label: 'Briefs', description: 'Write briefs with your team', leftSection: <IconFileText size={18} />, onClick: () => navigate({ screen: 'briefs' }) },
  { id: 'go-contracts', label: 'Contracts', description: 'Creator agreements to preview, send and get signed', leftSection: <IconFileCertificate size={18} />, onClick: () => navigate({ screen: 'contracts' }) },
  {
    id: 'find-duplicates', label: 'Find duplicate creators', description: 'Same handle, same email or near-identical names', leftSection: <IconCopy size={18} />,
    onClick: () => { navigate({ screen: 'creators' }); requestDuplicateSearch(); },
  },
  { id: 'go-campaigns', label: 'Campaigns', description: 'Go to campaigns and programs', leftSection: <IconSpeakerphone size={18} />, onClick: () => navigate({ screen: 'campaigns' }) },
  { id: 'go-seeding', label: 'Seeding', description: 'Products, shipments, tracking and follow-ups', leftSection: <IconPackage size={18} />, onClick: () => navigate({ screen: 'shipments' }) },
  { id: 'go-codes', label: 'Codes & links', description: 'Discount codes, tracked links and revenue per code', leftSection: <IconTicket size={18} />, onClick: () => navigate({ screen: 'codes' }) },
  { id: 'go-follow-ups', label: 'Needs follow-up today', description: 'Creators who have not answered your outreach in time', leftSection: <IconMailFast size={18} />, onClick: () => navigate({ screen: 'follow-ups' }) },
  { id: 'go-reports', label: 'Reports', description: 'Campaign and program reports, Excel for leadership', leftSection: <IconChartBar size={18} />, onClick: () => navigate({ screen: 'reports' }) },
  { id: 'go-review', label: 'Content review', description: 'Drafts waiting for review, and what is assigned to you', leftSection: <IconEyeCheck size={18} />, onClick: () => navigate({ screen: 'review' }) },
  { id: 'go-posts', label: 'Posts & metrics', description: 'Live posts, who has not posted yet, the metrics grid', leftSection: <IconPhotoCheck size={18} />, onClick: () => navigate({ screen: 'posts' }) },
  { id: 'go-rights', label: 'Usage rights', description: 'The rights ledger, renewals and export', leftSection: <IconLicense size={18} />, onClick: () => navigate({ screen: 'rights' }) },
  { id: 'go-ad-access', label: 'Whitelisting & Spark Ads', description: 'Ad access per creator and post: partnership ads, Spark codes, when access ends', keywords: ['spark', 'whitelist', 'whitelisting', 'partnership ads', 'paid', 'ad code'], leftSection: <IconAd2 size={18} />, onClick: () => { window.location.hash = '#/rights/ad-access'; } },
  { id: 'go-engage', label: 'Engage', description: 'Like, comment on and share our creators’ live posts', keywords: ['engagement', 'like', 'comment', 'share'], leftSection: <IconHeartHandshake size={18} />, onClick: () => navigate({ screen: 'engage' }) },
  { id: 'go-swipe-file', label: 'Swipe file', description: 'Links, ideas and competitor posts saved for inspiration', keywords: ['research', 'inspiration', 'competitor', 'idea', 'link'], leftSection: <IconBulb size={18} />, onClick: () => navigate({ screen: 'swipe-file' }) },
  { id: 'go-library', label: 'Library', description: 'Creators’ photos and videos, cut for every channel', leftSection: <IconPhotoVideo size={18} />, onClick: () => navigate({ screen: 'library' }) },
  { id: 'go-trash', label: 'Trash', description: 'Restore deleted records', leftSection: <IconTrash size={18} />, onClick: () => navigate({ screen: 'trash' }) },
  { id: 'go-calendar', label: 'Calendar', description: 'Deliverables due, posts, campaign dates and tasks', leftSection: <IconCalendar size={18} />, onClick: () => navigate({ screen: 'calendar' }) },
  { id: 'go-tasks', label: 'My tasks', description: 'What is late, due today and this week', leftSection: <IconChecklist size={18} />, onClick: () => navigate({ screen: 'tasks' }) },
  { id: 'go-settings', label: 'Settings', description: 'Workspace and this computer', leftSection: <IconSettings size={18} />, onClick: () => navigate({ screen: 'settings' }) },
];

/** Ctrl/Cmd+K: jump to any creator (typo-tolerant, by name, handle, email or tag), campaign or screen. */
export function CommandPalette() {
  const session = useSession();
  const [query, setQuery] = useState('');
  const [actions, setActions] = useState<SpotlightActionData[]>(screens);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const q = query.trim().toLowerCase();
      if (!q) {
        if (!cancelled) setActions(screens);
        return;
      }
      // Screens answer at once; creators and campaigns join below them, so what is under the pointer does not move.
      const screenActions = screens.filter((s) => [s.label, ...(Array.isArray(s.keywords) ? s.keywords : [])].some((word) => String(word).toLowerCase().includes(q))).map((s) => ({ ...s, group: 'Screens' }));
      setActions(screenActions);
      await session.searchReady;
      const ids = session.search.search(query, 8);
      const creators = await session.projection.collections.creators.findByIds(ids).exec();
      const campaigns = await session.projection.collections.campaigns.find({ selector: { deletedAt: null } }).exec();
      if (cancelled) return;
      const creatorActions: SpotlightActionData[] = ids.flatMap((id) => {
        const doc = creators.get(id);
        if (!doc) return [];
        const handles = (doc.get('handles') as string[]) ?? [];
        return [{
          id: `creator-${id}`, label: doc.get('name') as string, group: 'Creators',
          description: handles.length ? handles.map((h) => `@${h}`).join(' · ') : (doc.get('primaryEmail') as string) || 'Creator',
          leftSection: <IconUser size={18} />, onClick: () => navigate({ screen: 'creator', id }),
        }];
      });
      const campaignActions: SpotlightActionData[] = campaigns
        .filter((c) => String(c.get('name')).toLowerCase().includes(q))
        .slice(0, 5)
        .map((c) => ({
          id: `campaign-${c.primary}`, label: c.get('name') as string, group: 'Campaigns', description: c.get('kind') === 'program' ? 'Program' : 'Campaign',
          leftSection: <IconSpeakerphone size={18} />, onClick: () => navigate({ screen: 'campaigns' }),
        }));
      setActions([...screenActions, ...campaignActions, ...creatorActions]);
    })();
    return () => { cancelled = true; };
  }, [query, session]);

  const [opened, setOpened] = useState(false);
  const [moves, setMoves] = useState(0);
  const highlighted = useHighlightedResult(opened, actions, moves);

  return (
    <Spotlight
      // Names the dialog for screen readers; the search field below says the rest to sighted people.
      title="Go to a screen, creator or campaign"
      styles={{ header: visuallyHidden }}
      onSpotlightOpen={() => setOpened(true)}
      onSpotlightClose={() => setOpened(false)}
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      filter={(_q, list) => list}
      shortcut={['mod + K']}
      nothingFound="Nothing found. Try a name, a handle like @maya, or an email."
      highlightQuery
      limit={20}
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: 'Search creators, campaigns, screens…',
        'aria-label': 'Search creators, campaigns and screens',
        onKeyDown: (event) => { if (event.key === 'ArrowDown' || event.key === 'ArrowUp') setMoves((n) => n + 1); },
        // The arrow keys move a highlight the field keeps focus through: say which result it is on.
        rightSection: <VisuallyHidden role="status" aria-live="polite" data-testid="palette-highlighted">{highlighted}</VisuallyHidden>,
      }}
    />
  );
}

/** Off screen but where layout expects it, so the dialog's title is read and not seen. */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** The label and description of the result the palette's highlight is on, as a screen reader should hear it. */
function useHighlightedResult(opened: boolean, actions: SpotlightActionData[], moves: number): string {
  const [text, setText] = useState('');
  useEffect(() => {
    if (!opened) {
      setText('');
      return;
    }
    // Mantine marks the highlighted result in the DOM after the list renders, so read it on the next frame.
    const frame = requestAnimationFrame(() => {
      const action = document.querySelector('[data-action][data-selected]');
      const label = action?.querySelector('.mantine-Spotlight-actionLabel')?.textContent ?? '';
      const description = action?.querySelector('.mantine-Spotlight-actionDescription')?.textContent ?? '';
      setText(label ? [label, description].filter(Boolean).join(', ') : '');
    });
    return () => cancelAnimationFrame(frame);
  }, [opened, actions, moves]);
  return text;
}

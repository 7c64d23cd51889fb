import { Anchor, Badge, Button, Group, MultiSelect, SegmentedControl, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { formatCount, formatPercent } from '../../../shared/domain/engagement-rate';
import { formatMoney } from '../../../shared/domain/fields';
import { pastPerformance, PERFORMANCE_FORMULAS, type PastPerformance, type PerformanceCode, type PerformanceEngagement, type PerformancePost } from '../../../shared/domain/past-performance';
import { platformLabels, platforms } from '../../../shared/data/schemas/creators';
import { buildWarmListTable } from '../../../shared/domain/table-exports/warm-list';
import { sortTiersBySize, tierFor, tierLabels, tierNames } from '../../../shared/domain/tiers';
import { hrefFor } from '../app/routes';
import { useSession } from '../app/workspace-context';
import { countryName } from '../components/countries';
import { EmptyState } from '../components/empty-state';
import { ExportTableMenu } from '../components/export-table-menu';
import { PageHeader } from '../components/page-header';
import { PlatformIcon } from '../components/platform-icon';
import { reportError } from '../components/report-error';
import { notifyWithUndo } from '../components/undo-notification';
import { useRxQuery } from '../hooks/use-rx-query';
import { useTierThresholds } from '../hooks/use-tier-thresholds';
import type { CreatorRow } from './creator-row';
import { stepsOf, type CampaignSteps } from './first-step';

type Sort = 'engagement' | 'cpm' | 'cpa' | 'on-time' | 'recent';
interface CampaignOption extends CampaignSteps { id: string; name: string; status: string }
interface Warm { creator: CreatorRow; perf: PastPerformance }

const compare: Record<Sort, (a: Warm, b: Warm) => number> = {
  // Missing figures sort last whatever the direction: unknown is not worst or best.
  engagement: (a, b) => (b.perf.engagementRate ?? -1) - (a.perf.engagementRate ?? -1),
  cpm: (a, b) => (a.perf.cpm?.amountMicros ?? Infinity) - (b.perf.cpm?.amountMicros ?? Infinity),
  cpa: (a, b) => (a.perf.cpa?.amountMicros ?? Infinity) - (b.perf.cpa?.amountMicros ?? Infinity),
  'on-time': (a, b) => (b.perf.onTimeRate ?? -1) - (a.perf.onTimeRate ?? -1),
  recent: (a, b) => (b.perf.lastPostedAt ?? '').localeCompare(a.perf.lastPostedAt ?? ''),
};

const sortLabels: Record<Sort, string> = { engagement: 'Engagement', cpm: 'Lowest CPM', cpa: 'Lowest CPA', 'on-time': 'On time', recent: 'Recent' };

/** Creators who already posted for us, best first: "who should we bring back for this campaign?" */
export function WarmListScreen() {
  const session = useSession();
  const engagements = useRxQuery<PerformanceEngagement>('engagements', { selector: { deletedAt: null } }, 'warm-engagements');
  const posts = useRxQuery<PerformancePost & { kind: string }>('content', { selector: { kind: 'post', deletedAt: null } }, 'warm-posts');
  const campaigns = useRxQuery<CampaignOption>('campaigns', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'warm-campaigns');
  const codes = useRxQuery<PerformanceCode>('codes', { selector: { deletedAt: null } }, 'warm-codes');
  const performance = useMemo(() => (engagements && posts && codes ? pastPerformance(engagements, posts, codes) : null), [engagements, posts, codes]);
  const ids = useMemo(() => [...(performance?.keys() ?? [])].sort(), [performance]);
  const creators = useRxQuery<CreatorRow>('creators', { selector: { id: { $in: ids }, deletedAt: null } }, `warm-creators-${ids.length}-${ids[0] ?? ''}-${ids.at(-1) ?? ''}`);

  const thresholds = useTierThresholds();
  const [sort, setSort] = useState<Sort>('engagement');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [platformFilter, setPlatformFilter] = useState<string[]>([]);
  const [tierFilter, setTierFilter] = useState<string[]>([]);
  const [country, setCountry] = useState<string | null>(null);
  const [niche, setNiche] = useState<string | null>(null);

  const inCampaign = useMemo(() => new Set((engagements ?? []).filter((e) => e.campaignId === campaignId).map((e) => e.creatorId)), [engagements, campaignId]);
  const rows = useMemo(() => {
    if (!creators || !performance) return null;
    return creators
      .map((creator) => ({ creator, perf: performance.get(creator.id)! }))
      .filter(({ creator }) => !campaignId || !inCampaign.has(creator.id))
      .filter(({ creator }) => !platformFilter.length || creator.platforms.some((p) => platformFilter.includes(p)))
      .filter(({ creator }) => !tierFilter.length || tierFilter.includes(tierFor(creator.followersMax, thresholds) ?? ''))
      .filter(({ creator }) => !country || creator.location.country === country)
      .filter(({ creator }) => !niche || creator.niches.includes(niche))
      .sort(compare[sort]);
  }, [creators, performance, campaignId, inCampaign, platformFilter, tierFilter, country, niche, sort, thresholds]);
  const countries = useMemo(() => [...new Set((creators ?? []).map((c) => c.location.country).filter(Boolean))].sort().map((c) => ({ value: c, label: countryName(c) })), [creators]);
  const niches = useMemo(() => [...new Set((creators ?? []).flatMap((c) => c.niches))].sort(), [creators]);
  const campaign = campaigns?.find((c) => c.id === campaignId);

  const add = async (creator: CreatorRow) => {
    if (!campaign) return;
    try {
      const first = stepsOf(campaign)[0];
      const added = await session.commands.create('engagements', { campaignId: campaign.id, creatorId: creator.id, stepId: first.id });
      notifyWithUndo(`${creator.name} added to ${campaign.name} (${first.name})`, () => void session.commands.softDelete('engagements', [added.id]));
    } catch (error) {
      reportError(`${creator.name} was not added`)(error);
    }
  };

  return (
    <>
      <PageHeader title="Warm list" subtitle="Creators who have already posted for you, ranked by how it went. Bring the best back first."
        actions={ids.length > 0 && <ExportTableMenu size="sm" rowCount={rows?.length ?? 0} name="warm-list" sheetName="Warm list" what={['creator', 'creators']}
          filters={[sortLabels[sort], ...platformFilter, ...tierFilter.map((t) => tierLabels[t as keyof typeof tierLabels]), country, niche, campaign && `not-in-${campaign.name}`]}
          build={() => buildWarmListTable((rows ?? []).map(({ creator, perf }) => {
            const tier = tierFor(creator.followersMax, thresholds);
            return { name: creator.name, platforms: creator.platforms.map((p) => platformLabels[p as keyof typeof platformLabels] ?? p).join(', '), tier: tier ? tierLabels[tier] : '', perf };
          }))} />} />
      {rows && ids.length === 0 ? (
        <EmptyState icon={<IconFlame size={28} />} title="Nobody has posted for you yet">
          Once creators post for a campaign and you log their posts and metrics, they appear here, ranked by engagement, cost per thousand impressions, cost per order and on-time delivery.
        </EmptyState>
      ) : (
        <>
          <Group mb="md" align="flex-end" wrap="wrap">
            <Select label="Re-activate for" placeholder="Choose a campaign" clearable searchable w={240} value={campaignId} onChange={setCampaignId}
              data={(campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))} />
            <MultiSelect label="Platform" placeholder="Any" w={200} data={platforms.map((p) => ({ value: p, label: platformLabels[p] }))} value={platformFilter} onChange={setPlatformFilter} clearable />
            <MultiSelect label="Tier" placeholder="Any" w={200} data={tierNames.map((t) => ({ value: t, label: tierLabels[t] }))} value={sortTiersBySize(tierFilter)} onChange={setTierFilter} clearable />
            <Select label="Country" placeholder="Any" searchable clearable w={170} data={countries} value={country} onChange={setCountry} />
            <Select label="Niche" placeholder="Any" searchable clearable w={170} data={niches} value={niche} onChange={setNiche} />
            <SegmentedControl value={sort} onChange={(v) => setSort(v as Sort)} aria-label="Rank by"
              data={Object.entries(sortLabels).map(([value, label]) => ({ value, label }))} />
          </Group>
          {campaign && <Text size="xs" c="dimmed" mb="xs">Creators already in {campaign.name} are not listed.</Text>}
          <Table highlightOnHover verticalSpacing="xs" data-testid="warm-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Creator</Table.Th>
                <Table.Th>Tier</Table.Th>
                <Table.Th ta="right">Campaigns</Table.Th>
                <Table.Th ta="right">Posts</Table.Th>
                <Table.Th ta="right"><Tooltip label={PERFORMANCE_FORMULAS.engagementRate} multiline w={260}><span>Engagement</span></Tooltip></Table.Th>
                <Table.Th ta="right"><Tooltip label={PERFORMANCE_FORMULAS.cpm} multiline w={260}><span>CPM</span></Tooltip></Table.Th>
                <Table.Th ta="right"><Tooltip label={PERFORMANCE_FORMULAS.cpa} multiline w={260}><span>CPA</span></Tooltip></Table.Th>
                <Table.Th ta="right"><Tooltip label={PERFORMANCE_FORMULAS.onTime} multiline w={260}><span>On time</span></Tooltip></Table.Th>
                <Table.Th>Last post</Table.Th>
                {campaign && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows?.map(({ creator, perf }) => {
                const tier = tierFor(creator.followersMax, thresholds);
                return (
                  <Table.Tr key={creator.id} data-testid="warm-row">
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {creator.platforms.slice(0, 3).map((p) => <PlatformIcon key={p} platform={p} />)}
                        <Anchor href={hrefFor({ screen: 'creator', id: creator.id })} size="sm" fw={600}>{creator.name}</Anchor>
                      </Group>
                    </Table.Td>
                    <Table.Td>{tier ? <Badge variant="light" size="sm">{tierLabels[tier]}</Badge> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                    <Table.Td ta="right"><Text size="sm">{perf.campaigns}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm">{formatCount(perf.posts)}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm">{formatPercent(perf.engagementRate)}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm">{perf.cpm ? formatMoney(perf.cpm) : '—'}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm" title={perf.orders !== null ? `${formatCount(perf.orders)} orders` : undefined}>{perf.cpa ? formatMoney(perf.cpa) : '—'}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm">{formatPercent(perf.onTimeRate, 0)}</Text></Table.Td>
                    <Table.Td><Text size="sm" c="dimmed">{perf.lastPostedAt ? new Date(perf.lastPostedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : '—'}</Text></Table.Td>
                    {campaign && <Table.Td><Button size="compact-xs" variant="light" onClick={() => void add(creator)}>Add to campaign</Button></Table.Td>}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {rows && rows.length === 0 && <Text size="sm" c="dimmed" mt="md">No warm creator matches these filters{campaign ? `, or they are all in ${campaign.name} already` : ''}.</Text>}
        </>
      )}
    </>
  );
}

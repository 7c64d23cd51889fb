import { Anchor, Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { memo, useCallback, useMemo } from 'react';
import { platformLabels, type Platform } from '../../../../shared/data/schemas/creators';
import type { CreatorFilters, FilterField, LastContacted } from '../../../../shared/domain/creator-filters';
import type { CreatorIndex } from '../../../../shared/domain/creator-index';
import { readFilterCount, readFilterPercent, readFilterScore, shortCount, shortPercent } from '../../../../shared/domain/typed-numbers';
import { sortTiersBySize, tierLabels, tierNames, type TierThresholds } from '../../../../shared/domain/tiers';
import { ChoiceFilter, type Choice } from './choice-filter';
import { countryName, languageName } from './display-names';
import { OneChoiceFilter } from './one-choice-filter';
import { RangeFilter } from './range-filter';
import type { OwnerChoice } from './teammates';
import type { CampaignOption } from './use-creator-data';

interface Props {
  filters: CreatorFilters;
  onChange(update: (filters: CreatorFilters) => CreatorFilters): void;
  onClear(): void;
  index: CreatorIndex;
  campaigns: CampaignOption[];
  owners: OwnerChoice[];
  thresholds: TierThresholds;
  onEditTiers(): void;
}

const contactChoices: { value: string; label: string; rule: LastContacted }[] = [
  { value: 'within-7', label: 'In the last 7 days', rule: { mode: 'within', days: 7 } },
  { value: 'within-30', label: 'In the last 30 days', rule: { mode: 'within', days: 30 } },
  { value: 'within-90', label: 'In the last 90 days', rule: { mode: 'within', days: 90 } },
  { value: 'over-30', label: 'Not in the last 30 days', rule: { mode: 'over', days: 30 } },
  { value: 'over-90', label: 'Not in the last 90 days', rule: { mode: 'over', days: 90 } },
  { value: 'never', label: 'Never contacted', rule: { mode: 'never' } },
];

const contactData = contactChoices.map(({ value, label }) => ({ value, label }));
const emailData = [{ value: 'any', label: 'Any' }, { value: 'yes', label: 'Has email' }, { value: 'no', label: 'No email' }];
const postedData = [{ value: 'yes', label: 'Has posted for us' }, { value: 'no', label: 'Never posted for us' }];

function contactValue(rule: LastContacted | null): string | null {
  if (!rule) return null;
  return rule.mode === 'never' ? 'never' : `${rule.mode}-${rule.days}`;
}

const yesNo = (value: boolean | null) => (value === null ? null : value ? 'yes' : 'no');
/** 'any' (the Email control's first choice) and a cleared choice both mean no filter. */
const fromYesNo = (value: string | null) => (value === 'yes' ? true : value === 'no' ? false : null);

const fraction = (value: number) => shortPercent(value);
const score = (value: number) => String(value);
const followerHints: [string, string] = ['e.g. 10k', 'e.g. 100k'];
const rateHints: [string, string] = ['e.g. 2%', 'any'];
const postRateHints: [string, string] = ['e.g. 3%', 'any'];
const onTimeHints: [string, string] = ['e.g. 80%', 'any'];
const scoreHints: [string, string] = ['e.g. 3.5', '5'];

/**
 * Every way to narrow the creator list, on one panel. Choices list only the
 * values present, with counts; vetting and past performance appear once
 * there are scorecards or posts to filter on.
 */
export const FilterPanel = memo(function FilterPanel({ filters, onChange, onClear, index, campaigns, owners, thresholds, onEditTiers }: Props) {
  // Stable setters for the memoised controls: a change re-renders only the control that changed.
  const onField = useCallback((field: FilterField, value: unknown) => onChange((f) => ({ ...f, [field]: value })), [onChange]);
  const pickCampaign = useCallback((campaign: string | null) => onChange((f) => ({
    ...f,
    campaign,
    // Stages of other campaigns no longer apply.
    stages: campaign === 'none' ? [] : f.stages.filter((s) => campaigns.some((c) => (campaign === 'any' || !campaign || c.id === campaign) && c.steps.some((st) => st.id === s))),
  })), [onChange, campaigns]);
  const pickEmail = useCallback((v: string | null) => onChange((f) => ({ ...f, hasEmail: fromYesNo(v) })), [onChange]);
  const pickContact = useCallback((v: string | null) => onChange((f) => ({ ...f, lastContacted: contactChoices.find((c) => c.value === v)?.rule ?? null })), [onChange]);
  const pickPosted = useCallback((v: string | null) => onChange((f) => ({ ...f, posted: fromYesNo(v) })), [onChange]);

  const choices = useMemo(() => {
    const ownerNames = new Map(owners.map((o) => [o.id, o.isMe ? `${o.name} (you)` : o.name]));
    const tiers = index.tierCounts();
    return {
      platforms: index.options('platforms').map((o) => ({ ...o, label: platformLabels[o.value as Platform] ?? o.value })),
      countries: index.options('countries').map((o) => ({ ...o, label: countryName(o.value) })),
      cities: index.options('cities'),
      languages: index.options('languages').map((o) => ({ ...o, label: languageName(o.value) })),
      niches: index.options('niches'),
      tags: index.options('tags'),
      owners: index.options('owners').map((o) => ({ ...o, label: o.value ? ownerNames.get(o.value) ?? 'Unknown teammate' : 'No owner' })),
      // Smallest first, as the tiers dialog lists them.
      tiers: [
        { value: 'none', label: `Under ${shortCount(thresholds.nano)}`, count: tiers.none },
        ...tierNames.map((t) => ({ value: t as string, label: tierLabels[t], count: tiers[t] })),
      ],
    };
  }, [index, owners, thresholds]);

  const tierHint = useMemo(() => (
    <>
      {`Starts at ${[thresholds.nano, thresholds.micro, thresholds.mid, thresholds.macro, thresholds.mega].map(shortCount).join(' · ')} · `}
      <Anchor component="button" type="button" size="xs" onClick={onEditTiers}>Edit tiers</Anchor>
    </>
  ), [thresholds, onEditTiers]);

  const campaignChoices = useMemo(() => [
    { value: 'any', label: `In any campaign (${index.campaignCount(null).toLocaleString()})` },
    { value: 'none', label: 'In no campaign' },
    ...campaigns.map((c) => ({ value: c.id, label: `${c.name} (${index.campaignCount(c.id).toLocaleString()})` })),
  ], [campaigns, index]);

  // Picked tiers read in size order too, whichever was picked first.
  const tiersPicked = useMemo(() => sortTiersBySize(filters.tiers), [filters.tiers]);

  const stageChoices = useMemo<Choice[]>(() => {
    const scope = filters.campaign && filters.campaign !== 'any' && filters.campaign !== 'none' ? filters.campaign : null;
    const steps = new Map<string, string>();
    for (const c of campaigns) if (!scope || c.id === scope) for (const s of c.steps) if (!steps.has(s.id)) steps.set(s.id, s.name);
    return [...steps].map(([value, label]) => ({ value, label, count: index.campaignCount(scope, value) }));
  }, [campaigns, filters.campaign, index]);

  return (
    <Paper withBorder radius="md" p="sm" mb="sm" aria-label="Filters" role="region">
      <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} spacing="sm" verticalSpacing="xs">
        <ChoiceFilter field="platforms" label="Platform" placeholder="Any platform" choices={choices.platforms} value={filters.platforms} onField={onField} />
        <RangeFilter field="followers" label="Followers" value={filters.followers} onField={onField} parse={readFilterCount} format={shortCount} placeholders={followerHints} />
        <RangeFilter field="engagementRate" label="Engagement rate" value={filters.engagementRate} onField={onField} parse={readFilterPercent} format={fraction} placeholders={rateHints} />
        <ChoiceFilter field="tiers" label="Tier" placeholder="Any tier" choices={choices.tiers} value={tiersPicked} onField={onField}
          description={tierHint} />

        <ChoiceFilter field="countries" label="Country" placeholder="Anywhere" choices={choices.countries} value={filters.countries} onField={onField} />
        <ChoiceFilter field="cities" label="City" placeholder="Any city" choices={choices.cities} value={filters.cities} onField={onField} />
        <ChoiceFilter field="languages" label="Language" placeholder="Any language" choices={choices.languages} value={filters.languages} onField={onField} />
        <ChoiceFilter field="niches" label="Niche" placeholder="Any niche" choices={choices.niches} value={filters.niches} onField={onField} />

        <ChoiceFilter field="tags" label="Tags" placeholder="Any tag" choices={choices.tags} value={filters.tags} onField={onField} />
        <ChoiceFilter field="owners" label="Owner" placeholder="Anyone" choices={choices.owners} value={filters.owners} onField={onField} />
        <OneChoiceFilter label="Campaign" placeholder="In a campaign or not" data={campaignChoices} value={filters.campaign} onPick={pickCampaign} />
        <ChoiceFilter field="stages" label="Stage" placeholder={filters.campaign === 'none' ? 'Not in a campaign' : 'Any stage'} choices={stageChoices} value={filters.stages}
          onField={onField} disabled={filters.campaign === 'none' || stageChoices.length === 0} />

        <OneChoiceFilter label="Email" segmented data={emailData} value={yesNo(filters.hasEmail)} onPick={pickEmail} />
        <OneChoiceFilter label="Last contacted" placeholder="Any time" data={contactData} value={contactValue(filters.lastContacted)} onPick={pickContact} />
        {index.hasPosts && <OneChoiceFilter label="Worked with us" placeholder="Any" data={postedData} value={yesNo(filters.posted)} onPick={pickPosted} />}
        {index.hasPosts && (
          <RangeFilter field="postEngagement" label="Engagement on posts for us" value={filters.postEngagement} onField={onField} parse={readFilterPercent} format={fraction} placeholders={postRateHints}
            description="Average per post: interactions ÷ reach" />
        )}
        {index.hasPosts && (
          <RangeFilter field="onTime" label="Posted on time" value={filters.onTime} onField={onField} parse={readFilterPercent} format={fraction} placeholders={onTimeHints}
            description="Posts up by their due date ÷ posts with one" />
        )}
        {index.hasVetting && (
          <RangeFilter field="vettingScore" label="Vetting score (1–5)" value={filters.vettingScore} onField={onField} parse={readFilterScore} format={score} placeholders={scoreHints} />
        )}
      </SimpleGrid>
      <Group justify="space-between" mt="sm">
        <Text size="xs" c="dimmed">A creator must match every filter; within one filter, any of the choices.</Text>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconFilterOff size={14} />} onClick={onClear}>Clear all filters</Button>
      </Group>
    </Paper>
  );
});

import { Group, MultiSelect, Paper, SegmentedControl, Select, Switch, Text, TextInput } from '@mantine/core';
import { platforms } from '../../../../shared/data/schemas/creators';
import { money } from '../../../../shared/domain/number-fields';
import { sortTiersBySize, tierLabels, tierNames } from '../../../../shared/domain/tiers';
import { platformLabel } from '../../../../shared/reports/build-report';
import { periodModeLabels, suggestedEmvRates, type ReportView } from '../../../../shared/reports/report-view';
import { ReportNumberField } from './report-number-field';

/** EMV rates per engagement or click are often fractions of a cent (0.015): four decimals, none rounded away. */
const specs = {
  shipping: money('Shipping per parcel'),
  perThousand: money('Rate per 1,000 impressions', { decimals: 4 }),
  perEngagement: money('Rate per engagement', { decimals: 4 }),
  perClick: money('Rate per click', { decimals: 4 }),
};

interface Props {
  view: ReportView;
  onChange(view: ReportView): void;
  campaigns: { value: string; label: string }[];
  owners: { value: string; label: string }[];
  currency: string;
}

/** The report builder: which campaigns, when, where, who; and what to compare with. */
export function ReportFilters({ view, onChange, campaigns, owners, currency }: Props) {
  const set = (patch: Partial<ReportView>) => onChange({ ...view, ...patch });
  const customInvalid = view.periodMode === 'custom' && view.customPeriod && view.customPeriod.start > view.customPeriod.end;
  return (
    <Paper withBorder radius="lg" p="md" mb="lg">
      <Group align="flex-end" gap="md" wrap="wrap">
        <MultiSelect label="Campaigns" placeholder={view.campaignIds.length ? undefined : 'All campaigns and programs'} data={campaigns}
          value={view.campaignIds} onChange={(campaignIds) => set({ campaignIds })} searchable clearable w={280} />
        <Select label="Period" data={Object.entries(periodModeLabels).map(([value, label]) => ({ value, label }))} value={view.periodMode}
          onChange={(v) => set({ periodMode: (v ?? 'all') as ReportView['periodMode'], comparison: v === 'all' ? null : view.comparison })} allowDeselect={false} w={160} />
        {view.periodMode === 'custom' && (
          <Group gap="xs" align="flex-end">
            <TextInput type="date" label="From" value={view.customPeriod?.start ?? ''} w={150}
              onChange={(e) => set({ customPeriod: { start: e.currentTarget.value, end: view.customPeriod?.end ?? e.currentTarget.value } })} />
            <TextInput type="date" label="To" value={view.customPeriod?.end ?? ''} w={150} error={customInvalid ? 'Ends before it starts' : undefined}
              onChange={(e) => set({ customPeriod: { start: view.customPeriod?.start ?? e.currentTarget.value, end: e.currentTarget.value } })} />
          </Group>
        )}
        <Select label="Compare with" placeholder={view.periodMode === 'all' ? 'Choose a period first' : 'Nothing'} disabled={view.periodMode === 'all'}
          data={[{ value: 'previous', label: 'Previous period' }, { value: 'last-year', label: 'Same period last year' }]}
          value={view.comparison} onChange={(v) => set({ comparison: (v as ReportView['comparison']) ?? null })} clearable w={200} />
        <MultiSelect label="Platforms" placeholder={view.platforms.length ? undefined : 'All'} data={platforms.map((p) => ({ value: p, label: platformLabel(p) }))}
          value={view.platforms} onChange={(platforms) => set({ platforms })} clearable w={200} />
        <MultiSelect label="Tiers" placeholder={view.tiers.length ? undefined : 'All'} data={tierNames.map((t) => ({ value: t, label: tierLabels[t] }))}
          value={sortTiersBySize(view.tiers)} onChange={(tiers) => set({ tiers: tiers as ReportView['tiers'] })} clearable w={180} />
        <MultiSelect label="Owners" placeholder={view.ownerIds.length ? undefined : owners.length ? 'Anyone' : 'No owners set yet'} data={owners}
          value={view.ownerIds} onChange={(ownerIds) => set({ ownerIds })} clearable disabled={owners.length === 0} w={180} />
      </Group>
      <Group mt="md" gap="lg" align="center" wrap="wrap">
        <Group gap="xs">
          <Text size="sm" c="dimmed">Trend by</Text>
          <SegmentedControl size="xs" value={view.granularity} onChange={(v) => set({ granularity: v as ReportView['granularity'] })}
            data={[{ value: 'week', label: 'Week' }, { value: 'month', label: 'Month' }]} aria-label="Trend by week or month" />
        </Group>
        <ReportNumberField label={`Shipping per parcel (${currency})`} placeholder="Not counted" w={180} spec={specs.shipping}
          value={view.shippingPerParcel} onChange={(shippingPerParcel) => set({ shippingPerParcel })} />
        <Switch label="Estimate EMV" checked={view.emv != null} onChange={(e) => set({ emv: e.currentTarget.checked ? suggestedEmvRates : null })} />
        {view.emv && (
          <Group gap="xs" align="flex-start">
            {/* An emptied rate keeps the last one: EMV needs all three, and an empty field is not 0. */}
            <ReportNumberField label="per 1,000 impressions" w={150} spec={specs.perThousand} required value={view.emv.perThousandImpressions}
              onChange={(v) => v != null && set({ emv: { ...view.emv!, perThousandImpressions: v } })} />
            <ReportNumberField label="per engagement" w={130} spec={specs.perEngagement} required value={view.emv.perEngagement}
              onChange={(v) => v != null && set({ emv: { ...view.emv!, perEngagement: v } })} />
            <ReportNumberField label="per click" w={110} spec={specs.perClick} required value={view.emv.perClick}
              onChange={(v) => v != null && set({ emv: { ...view.emv!, perClick: v } })} />
          </Group>
        )}
        <Switch label="Leave out figures that cannot all be true" checked={view.leaveOutImplausible} onChange={(e) => set({ leaveOutImplausible: e.currentTarget.checked })}
          description="Such posts still count as posts; their reach, engagements and sales are not added in." />
      </Group>
    </Paper>
  );
}

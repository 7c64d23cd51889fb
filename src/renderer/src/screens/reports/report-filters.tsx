import { Group, MultiSelect, NumberInput, Paper, SegmentedControl, Select, Switch, Text, TextInput } from '@mantine/core';
import { platforms } from '../../../../shared/data/schemas/creators';
import { tierLabels, tierNames } from '../../../../shared/domain/tiers';
import { platformLabel } from '../../../../shared/reports/build-report';
import { periodModeLabels, suggestedEmvRates, type ReportView } from '../../../../shared/reports/report-view';

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
          value={view.tiers} onChange={(tiers) => set({ tiers: tiers as ReportView['tiers'] })} clearable w={180} />
        <MultiSelect label="Owners" placeholder={view.ownerIds.length ? undefined : owners.length ? 'Anyone' : 'No owners set yet'} data={owners}
          value={view.ownerIds} onChange={(ownerIds) => set({ ownerIds })} clearable disabled={owners.length === 0} w={180} />
      </Group>
      <Group mt="md" gap="lg" align="center" wrap="wrap">
        <Group gap="xs">
          <Text size="sm" c="dimmed">Trend by</Text>
          <SegmentedControl size="xs" value={view.granularity} onChange={(v) => set({ granularity: v as ReportView['granularity'] })}
            data={[{ value: 'week', label: 'Week' }, { value: 'month', label: 'Month' }]} aria-label="Trend by week or month" />
        </Group>
        <NumberInput size="xs" label={`Shipping per parcel (${currency})`} placeholder="Not counted" min={0} decimalScale={2} w={180}
          value={view.shippingPerParcel ?? ''} onChange={(v) => set({ shippingPerParcel: typeof v === 'number' ? v : null })} />
        <Switch label="Estimate EMV" checked={view.emv != null} onChange={(e) => set({ emv: e.currentTarget.checked ? suggestedEmvRates : null })} />
        {view.emv && (
          <Group gap="xs" align="flex-end">
            <NumberInput size="xs" label="per 1,000 impressions" min={0} decimalScale={2} w={150} value={view.emv.perThousandImpressions}
              onChange={(v) => set({ emv: { ...view.emv!, perThousandImpressions: Number(v) || 0 } })} />
            <NumberInput size="xs" label="per engagement" min={0} decimalScale={2} w={130} value={view.emv.perEngagement}
              onChange={(v) => set({ emv: { ...view.emv!, perEngagement: Number(v) || 0 } })} />
            <NumberInput size="xs" label="per click" min={0} decimalScale={2} w={110} value={view.emv.perClick}
              onChange={(v) => set({ emv: { ...view.emv!, perClick: Number(v) || 0 } })} />
          </Group>
        )}
      </Group>
    </Paper>
  );
}

import '@mantine/charts/styles.css';
import { Button, Grid, Group, Loader, Stack, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { buildReport, prepareReport, type ReportOptions } from '../../../../shared/reports/build-report';
import { formatPeriod } from '../../../../shared/reports/periods';
import { defaultReportView, parseReportView, viewEmvRates, viewFilters, type ReportView } from '../../../../shared/reports/report-view';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { BreakdownCard } from './breakdown-card';
import { ExportReportButton } from './export-report-button';
import { ImplausibleAlert } from './implausible-alert';
import { KpiGrid } from './kpi-grid';
import { PostsCard } from './posts-card';
import { ReportFilters } from './report-filters';
import { ReportViewsMenu } from './report-views-menu';
import { SpendCard } from './spend-card';
import { TopContentCard } from './top-content-card';
import { TrendCard } from './trend-card';
import { useReportData, type SettingRow } from './use-report-data';
import { WhoPostedCard } from './who-posted-card';

/** Reports for the director: campaign, program and period over period, on screen and in Excel. */
export function ReportsScreen() {
  const { data, views, members, timeZone, currency, thresholds, today } = useReportData();
  const [view, setView] = useState<ReportView>(defaultReportView);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const current = views.find((v) => v.id === currentId) ?? null;
  const dirty = current != null && JSON.stringify(parseReportView(current.data)) !== JSON.stringify(view);

  const options: ReportOptions = useMemo(() => ({
    timeZone, today, currency, tierThresholds: thresholds,
    shippingPerParcelMicros: view.shippingPerParcel == null ? null : Math.round(view.shippingPerParcel * 1_000_000),
    emvRates: viewEmvRates(view),
  }), [timeZone, today, currency, thresholds, view]);
  const prepared = useMemo(() => (data ? prepareReport(data, options) : null), [data, options]);
  const filters = useMemo(() => viewFilters(view, today), [view, today]);
  const report = useMemo(() => (data && prepared ? buildReport(data, filters, options, prepared) : null), [data, prepared, filters, options]);

  const campaignChoices = useMemo(() => (data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.kind === 'program' ? `${c.name} (program)` : c.name }))
    .sort((a, b) => a.label.localeCompare(b.label)), [data]);
  const owners = useMemo(() => {
    const names = new Map<string, string>();
    for (const m of members) names.set(typeof m.data.personId === 'string' ? m.data.personId : m.id, m.name);
    const ids = new Set<string>();
    for (const c of data?.campaigns ?? []) if (c.ownerId) ids.add(c.ownerId);
    for (const e of data?.engagements ?? []) if (e.ownerId) ids.add(e.ownerId);
    return [...ids].map((id) => ({ value: id, label: names.get(id) ?? 'A teammate' })).sort((a, b) => a.label.localeCompare(b.label));
  }, [members, data]);

  const openView = (v: SettingRow | null) => {
    setCurrentId(v?.id ?? null);
    setView(v ? parseReportView(v.data) : defaultReportView);
  };

  if (!report || !data) return <Group justify="center" mt="xl"><Loader /></Group>;

  const title = report.campaigns.length === 1 ? report.campaigns[0].name : view.campaignIds.length ? `${report.campaigns.length} campaigns` : 'All campaigns and programs';
  const comparedWith = report.comparison ? `${view.comparison === 'last-year' ? 'the same period last year' : 'the previous period'} (${formatPeriod(report.comparison.period)})` : null;

  return (
    <>
      <PageHeader title="Reports"
        subtitle={`${title} · ${report.period ? formatPeriod(report.period) : 'all time'}${comparedWith ? ` · against ${comparedWith}` : ''}`}
        actions={<>
          <ReportViewsMenu views={views} current={current} view={view} dirty={dirty} onOpen={openView} />
          <ExportReportButton report={report} title={title} view={view} ownerNames={Object.fromEntries(owners.map((o) => [o.value, o.label]))} />
        </>} />
      <ReportFilters view={view} onChange={setView} campaigns={campaignChoices} owners={owners} currency={currency} />
      {data.campaigns.length === 0 ? (
        <EmptyState icon={<IconChartBar size={28} />} title="Reports start with a campaign"
          action={<Button component="a" href={hrefFor({ screen: 'campaigns' })}>Plan a campaign</Button>}>
          Add a campaign, invite creators and log their posts with figures (views, reach, likes, clicks, orders): this page then adds them up into KPIs, trends and an Excel file for leadership.
        </EmptyState>
      ) : (
        <Stack gap="lg">
          {report.posts.length === 0 && (
            <Text c="dimmed" size="sm" data-testid="no-posts">No posts in this selection yet: KPIs that need posts show “—” with the reason. Widen the period or the filters, or log posts on a creator's campaign card.</Text>
          )}
          <ImplausibleAlert report={report} onLeaveOut={(leaveOutImplausible) => setView({ ...view, leaveOutImplausible })} />
          <KpiGrid kpis={report.kpis} currency={currency} changes={report.comparison?.changes ?? null} comparedWith={comparedWith} />
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}><TrendCard trend={report.trend} granularity={view.granularity} /></Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}><SpendCard report={report} /></Grid.Col>
          </Grid>
          <TopContentCard report={report} topBy={view.topBy} onTopBy={(topBy) => setView({ ...view, topBy })} />
          <BreakdownCard report={report} />
          <Grid>
            <Grid.Col span={{ base: 12, xl: 5 }}><WhoPostedCard report={report} /></Grid.Col>
            <Grid.Col span={{ base: 12, xl: 7 }}><PostsCard report={report} /></Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  );
}

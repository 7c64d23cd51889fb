import { Group, SegmentedControl, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconUsersPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { buildRoster, sortRoster, type RosterBucket, type RosterColumn, type RosterCreator, type RosterEngagement } from '../../../../shared/domain/campaign-roster';
import { SCORECARD_FORMULA } from '../../../../shared/domain/scorecard';
import { buildRosterTable } from '../../../../shared/domain/table-exports/campaign-roster';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { useCriteria } from '../../hooks/use-criteria';
import { useRxQuery } from '../../hooks/use-rx-query';
import { CampaignTableRow } from './campaign-table-row';

interface Step { id: string; name: string; position: number }

const columns: { id: RosterColumn; label: string; title?: string }[] = [
  { id: 'name', label: 'Creator' },
  { id: 'step', label: 'Step' },
  { id: 'bucket', label: 'Bucket' },
  { id: 'followers', label: 'Followers' },
  { id: 'score', label: 'Score', title: SCORECARD_FORMULA },
  { id: 'fee', label: 'Fee' },
  { id: 'lastContactedAt', label: 'Last contacted' },
  { id: 'optIn', label: 'Opt-in' },
];

/**
 * The campaign as a table: every creator in it with step, bucket, score,
 * fee and what their opt-in lacks. The first step is the shortlist: sorted
 * by score, scored in place, moved on from here.
 */
export function CampaignTable({ campaignId, campaignName, steps, buckets, engagements, readOnly }: {
  campaignId: string; campaignName: string; steps: Step[]; buckets: RosterBucket[]; engagements: RosterEngagement[] | null; readOnly: boolean;
}) {
  const ids = useMemo(() => [...new Set((engagements ?? []).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<RosterCreator>('creators', { selector: { id: { $in: ids } } }, `table-creators-${campaignId}-${ids.length}-${ids[0] ?? ''}-${ids.at(-1) ?? ''}`);
  const criteria = useCriteria();
  const [stepFilter, setStepFilter] = useState<string>('all');
  const [sort, setSort] = useState<{ column: RosterColumn; desc: boolean }>({ column: 'score', desc: true });

  const rows = useMemo(() => {
    if (!engagements || !creators) return null;
    const byId = new Map(creators.map((c) => [c.id, c]));
    const all = buildRoster(engagements, byId, steps, buckets, criteria ?? []);
    return sortRoster(stepFilter === 'all' ? all : all.filter((r) => r.stepId === stepFilter), sort.column, sort.desc);
  }, [engagements, creators, steps, buckets, criteria, stepFilter, sort]);

  if (engagements && engagements.length === 0) {
    return <EmptyState icon={<IconUsersPlus />} title="No creators in this campaign yet">
      Use <b>Add creators</b> above to bring in a saved view, or pick creators in the Creators list or the Warm list and choose <b>Add to campaign</b>. They start on the shortlist, where you score them.
    </EmptyState>;
  }
  const counts = new Map<string, number>();
  for (const e of engagements ?? []) counts.set(e.stepId, (counts.get(e.stepId) ?? 0) + 1);
  const onHeader = (column: RosterColumn) => setSort((s) => (s.column === column ? { column, desc: !s.desc } : { column, desc: column === 'score' || column === 'followers' || column === 'fee' }));

  return (
    <>
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <SegmentedControl size="xs" value={stepFilter} onChange={setStepFilter} aria-label="Show step"
          data={[{ value: 'all', label: `All · ${engagements?.length ?? 0}` }, ...steps.map((s) => ({ value: s.id, label: `${s.name} · ${counts.get(s.id) ?? 0}` }))]} />
        <ExportTableMenu rowCount={rows?.length ?? 0} name={campaignName} sheetName="Creators" what={['creator', 'creators']}
          filters={[stepFilter === 'all' ? null : steps.find((s) => s.id === stepFilter)?.name]}
          build={() => buildRosterTable(rows ?? [], new Set((engagements ?? []).filter((e) => e.optIn).map((e) => e.id)))} />
      </Group>
      {stepFilter === steps[0]?.id && <Text size="xs" c="dimmed" mb="xs">The shortlist, best score first: score each creator, then move the ones you want to {steps[1]?.name ?? 'the next step'}.</Text>}
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover verticalSpacing={6} data-testid="campaign-table">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.id} aria-sort={sort.column === c.id ? (sort.desc ? 'descending' : 'ascending') : undefined} title={c.title}>
                  <UnstyledButton onClick={() => onHeader(c.id)}>
                    <Group gap={4} wrap="nowrap"><Text size="sm" fw={600}>{c.label}</Text>{sort.column === c.id && (sort.desc ? <IconArrowDown size={12} /> : <IconArrowUp size={12} />)}</Group>
                  </UnstyledButton>
                </Table.Th>
              ))}
              <Table.Th aria-label="Actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows ?? []).map((row) => (
              <CampaignTableRow key={row.engagementId} row={row} campaignId={campaignId} steps={steps} readOnly={readOnly}
                engagement={engagements!.find((e) => e.id === row.engagementId)!} criteria={criteria ?? []} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows && rows.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">Nobody is at this step right now.</Text>}
    </>
  );
}

import { Select } from '@mantine/core';
import type { EngageCounts } from '../../../../shared/domain/engage-queue';
import type { OwnerChoice } from '../creators/teammates';

export const FIXED_FILTERS = ['for-me', 'mine', 'unassigned', 'everyone'] as const;

/** Whose posts to work through, each with how many wait. */
export function EngageFilterSelect({ value, onChange, counts, teammates }: {
  value: string; onChange: (value: string) => void; counts: EngageCounts; teammates: readonly OwnerChoice[];
}) {
  const data = [
    { value: 'for-me', label: `Waiting for me · ${counts.forMe}` },
    { value: 'mine', label: `Mine · ${counts.mine}` },
    { value: 'unassigned', label: `Unassigned · ${counts.unassigned}` },
    { value: 'everyone', label: `Everyone · ${counts.everyone}` },
    ...teammates.filter((t) => !t.isMe).map((t) => ({ value: t.id, label: `${t.name} · ${counts.byPerson.get(t.id) ?? 0}` })),
  ];
  return <Select aria-label="Whose posts" data={data} value={value} onChange={(v) => v && onChange(v)} allowDeselect={false} w={240} />;
}

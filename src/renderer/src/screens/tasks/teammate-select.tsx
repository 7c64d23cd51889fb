import { Avatar, Group, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { presenceColor } from '../../../../shared/sync/presence';
import { initials } from '../../../../shared/domain/initials';
import { NameModal } from '../../components/name-modal';
import { reportError } from '../../components/report-error';
import { useTeammates } from './use-teammates';

const NEW = '__new-teammate__';

interface Props {
  label: string;
  value: string | null;
  onChange: (personId: string | null) => void;
  /** Offer "Nobody" (a campaign with no owner yet). */
  clearable?: boolean;
  error?: string;
  description?: string;
  placeholder?: string;
}

/** Pick a teammate, or name someone new for the team right here. */
export function TeammateSelect({ label, value, onChange, clearable, error, description, placeholder }: Props) {
  const { teammates, addTeammate, remember } = useTeammates(value ? [value] : []);
  const [naming, setNaming] = useState(false);
  const data = [
    ...teammates.map((t) => ({ value: t.id, label: t.isMe ? (t.name === 'You' ? 'You' : `${t.name} (you)`) : t.name })),
    { value: NEW, label: 'Add a teammate…' },
  ];
  const person = teammates.find((t) => t.id === value);
  return (
    <>
      <Select label={label} data={data} value={value} searchable clearable={clearable} error={error} description={description}
        placeholder={placeholder ?? 'Choose a teammate'} nothingFoundMessage="Nobody by that name: choose “Add a teammate…”"
        leftSection={person ? <Avatar size={20} radius="xl" variant="filled" color={presenceColor(person.id)}>{initials(person.name)}</Avatar> : undefined}
        renderOption={({ option }) => option.value === NEW
          ? <Text size="sm" c="fanfare.7" fw={600}>{option.label}</Text>
          : <Group gap={8} wrap="nowrap"><Avatar size={20} radius="xl" variant="filled" color={presenceColor(option.value)}>{initials(option.label)}</Avatar><Text size="sm">{option.label}</Text></Group>}
        onChange={(v) => {
          if (v === NEW) return setNaming(true);
          // Someone known only because they are online now: write their name down for the team.
          const picked = teammates.find((t) => t.id === v);
          if (picked) void remember(picked).catch(reportError('Could not save this teammate’s name'));
          onChange(v);
        }} />
      {/* React events bubble out of portals: this dialog's submit must not also submit the form around the picker. */}
      <span onSubmit={(e) => e.stopPropagation()} style={{ display: 'contents' }}>
      <NameModal opened={naming} title="Add a teammate" label="Their name" submitLabel="Add teammate"
        validate={(name) => (name.trim() === '' ? 'Write their name, as the team knows them' : teammates.some((t) => t.name.toLowerCase() === name.trim().toLowerCase()) ? 'Someone on the team already has this name' : null)}
        onSubmit={async (name) => {
          try {
            onChange(await addTeammate(name));
            setNaming(false);
          } catch (e) {
            reportError('This teammate was not added')(e);
          }
        }}
        onClose={() => setNaming(false)} />
      </span>
    </>
  );
}

import { Button, Group, Menu, Modal, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconChevronDown, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReportView } from '../../../../shared/reports/report-view';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import type { SettingRow } from './use-report-data';

interface Props {
  views: SettingRow[];
  current: SettingRow | null;
  view: ReportView;
  dirty: boolean;
  onOpen(view: SettingRow | null): void;
}

/** Saved report views: shared with the team like the creator list's views. */
export function ReportViewsMenu({ views, current, view, dirty, onOpen }: Props) {
  const session = useSession();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the view a name, such as “Monthly for leadership”');
    if (views.some((v) => v.name.toLowerCase() === trimmed.toLowerCase())) return setError('A view with this name exists already');
    try {
      const record = await session.commands.create('settings', { kind: 'report-view', name: trimmed, data: { ...view } });
      setNaming(false);
      onOpen({ id: record.id, kind: 'report-view', name: trimmed, data: { ...view } });
      notifications.show({ message: `Saved the report view “${trimmed}”; your team sees it too.`, autoClose: 4000 });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const update = () => {
    if (!current) return;
    void session.commands.update('settings', current.id, { data: { ...view } })
      .then(() => notifications.show({ message: `Saved changes to “${current.name}”.`, autoClose: 3000 }), reportError('Could not save the view'));
  };
  const remove = () => {
    if (!current) return;
    const gone = current;
    void session.commands.softDelete('settings', [gone.id]).then(() => {
      onOpen(null);
      notifyWithUndo(`Deleted the report view “${gone.name}”`, () => void session.commands.restore('settings', [gone.id]));
    }, reportError('Could not delete the view'));
  };

  return (
    <Group gap="xs">
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} rightSection={<IconChevronDown size={14} />}>
            {current ? current.name : 'Saved views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => onOpen(null)}>All campaigns, all time</Menu.Item>
          {views.length > 0 && <Menu.Divider />}
          {views.map((v) => <Menu.Item key={v.id} onClick={() => onOpen(v)}>{v.name}</Menu.Item>)}
          {current && <Menu.Divider />}
          {current && <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={remove}>Delete “{current.name}”</Menu.Item>}
        </Menu.Dropdown>
      </Menu>
      {current && dirty && <Button variant="light" onClick={update}>Save changes</Button>}
      <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => { setName(''); setError(null); setNaming(true); }}>Save as view</Button>
      <Modal opened={naming} onClose={() => setNaming(false)} title="Save this report as a view">
        <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <TextInput label="Name" data-autofocus value={name} error={error} onChange={(e) => { setName(e.currentTarget.value); setError(null); }}
            placeholder="Monthly for leadership" />
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={() => setNaming(false)}>Cancel</Button>
            <Button type="submit">Save view</Button>
          </Group>
        </form>
      </Modal>
    </Group>
  );
}

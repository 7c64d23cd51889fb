import { Avatar, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { FieldChangeView } from '../../../shared/data/history';
import type { CollectionName } from '../../../shared/data/schemas';
import { presenceColor } from '../../../shared/sync/presence';
import { initials } from '../../../shared/domain/initials';
import { useSession } from '../app/workspace-context';
import { useMe } from '../hooks/use-me';
import { formatEdited } from '../screens/brief-row';
import { describeValue, fieldLabel } from './history-format';
import { reportError } from './report-error';

const SHOWN = 12;

/**
 * Who changed what on this record. When two teammates changed the same
 * field at once, both lines are here: the one kept is marked, and the other
 * can be brought back with one click.
 */
export function RecordHistory({ collection, id, version }: { collection: CollectionName; id: string; version: string }) {
  const session = useSession();
  const me = useMe();
  const [changes, setChanges] = useState<FieldChangeView[] | null>(null);
  const [all, setAll] = useState(false);
  const [grown, setGrown] = useState(0);
  useEffect(() => session.onHistory((records) => {
    if (records.some((r) => r.collection === collection && r.id === id)) setGrown((n) => n + 1);
  }), [session, collection, id]);
  useEffect(() => {
    let live = true;
    session.commands.history(collection, id).then((h) => live && setChanges(h), reportError('The history could not be read'));
    return () => { live = false; };
  }, [session, collection, id, version, grown]);

  if (!changes) return null;
  const shown = all ? changes : changes.slice(0, SHOWN);
  const restore = (change: FieldChangeView) =>
    session.commands.update(collection, id, { [change.field]: change.value } as never).catch(reportError('That value could not be brought back'));

  return (
    <Card withBorder radius="lg" data-testid="record-history">
      <Text fw={700} mb="sm">Changes</Text>
      {changes.length === 0 && (
        <Group gap="xs" c="dimmed"><IconHistory size={16} /><Text size="sm">Edits by you and your teammates will be listed here, with who made them and when.</Text></Group>
      )}
      <Stack gap="sm">
        {shown.map((change, index) => (
          <Group key={`${change.at}-${change.field}-${change.by}-${index}`} gap="sm" wrap="nowrap" align="flex-start">
            <Avatar size={28} radius="xl" variant="filled" color={presenceColor(change.by ?? 'someone')}>{initials(change.by === me.id ? me.name : change.byName ?? '?')}</Avatar>
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              {change.note?.startsWith('merged-from:') ? (
                <Text size="sm">
                  <b>{change.by === me.id ? 'You' : change.byName ?? 'A teammate'}</b> merged in a duplicate ({change.note.slice('merged-from:'.length)}) whose <b>{fieldLabel(change.field)}</b> was {describeValue(change.value, change.field)}: not kept
                </Text>
              ) : (
                <Text size="sm">
                  <b>{change.by === me.id ? 'You' : change.byName ?? 'A teammate'}</b> changed <b>{fieldLabel(change.field)}</b> to {describeValue(change.value, change.field)}
                </Text>
              )}
              <Group gap={6}>
                <Text size="xs" c="dimmed">{formatEdited(change.at)}</Text>
                {change.concurrent && change.current && <Badge size="xs" color="teal" variant="light">Kept</Badge>}
                {change.concurrent && !change.current && <Badge size="xs" color="orange" variant="light">Changed at the same time · not kept</Badge>}
              </Group>
            </Stack>
            {(change.concurrent || change.note) && !change.current && (
              <Button size="compact-xs" variant="light" onClick={() => void restore(change)}>Use this instead</Button>
            )}
          </Group>
        ))}
      </Stack>
      {changes.length > SHOWN && !all && <Button variant="subtle" size="xs" mt="sm" onClick={() => setAll(true)}>Show all {changes.length} changes</Button>}
    </Card>
  );
}

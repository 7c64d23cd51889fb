import { Button, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText } from '@tabler/icons-react';
import { addReference, removeReference } from '../../../../shared/domain/swipe-file';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import type { BriefChoice } from './swipe-rows';

/** "Use in a brief": adds the item at the end of the chosen brief's references. */
export function UseInBriefMenu({ swipeId, label, briefs }: { swipeId: string; label: string; briefs: BriefChoice[] }) {
  const session = useSession();
  const use = (brief: BriefChoice) => {
    const current = brief.references ?? [];
    const next = addReference(current, swipeId);
    if (next.problem !== null) return notifications.show({ color: 'red', title: `Not added to “${brief.title}”`, message: next.problem });
    if (next.already) return notifications.show({ message: `“${label}” is already a reference of “${brief.title}”.` });
    void session.commands.update('documents', brief.id, { references: next.references }).then(
      () => notifyWithUndo(`Added to “${brief.title}”`, () => void session.commands.update('documents', brief.id, { references: removeReference(next.references, swipeId) })
        .catch(reportError('The reference was not removed'))),
      reportError('Not added to the brief'));
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="light" leftSection={<IconFileText size={14} />} onClick={(e) => e.stopPropagation()}>Use in a brief</Button>
      </Menu.Target>
      <Menu.Dropdown maw={320}>
        {briefs.length === 0
          ? <Text size="sm" p="sm" c="dimmed">No brief yet. Write one in Briefs, then come back to add references.</Text>
          : briefs.map((b) => (
            <Menu.Item key={b.id} onClick={() => use(b)} rightSection={b.references?.includes(swipeId) ? <Text size="xs" c="dimmed">added</Text> : null}>{b.title}</Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

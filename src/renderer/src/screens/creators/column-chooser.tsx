import { ActionIcon, Button, Checkbox, Divider, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconColumns3, IconGripVertical } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { columnIds, columnRules, defaultColumns, moveColumn, placeColumn, type ColumnId } from '../../../../shared/domain/creator-columns';

interface Props {
  columns: ColumnId[];
  onChange(columns: ColumnId[]): void;
  /** Columns with nothing to show yet (no scorecards, no posts) are offered only once there is. */
  hidden: ReadonlySet<ColumnId>;
}

/** Choose the list's columns and their order: tick to show, drag or use the arrows to reorder. */
export const ColumnChooser = memo(function ColumnChooser({ columns, onChange, hidden }: Props) {
  const [dragging, setDragging] = useState<ColumnId | null>(null);
  const [over, setOver] = useState<ColumnId | null>(null);
  const more = columnIds.filter((id) => !columns.includes(id) && !hidden.has(id))
    .sort((a, b) => columnRules[a].label.localeCompare(columnRules[b].label));

  return (
    <Popover position="bottom-end" shadow="md" width={300} trapFocus>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconColumns3 size={16} />}>Columns</Button>
      </Popover.Target>
      <Popover.Dropdown p="xs" aria-label="Columns">
        <Text size="xs" c="dimmed" px={6} pb={6}>Shown, left to right. Drag or use the arrows to reorder.</Text>
        <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
          <Stack gap={0}>
            {columns.map((id, i) => {
              const locked = id === 'name';
              return (
                <Group key={id} gap={4} wrap="nowrap" px={4} py={3} data-testid="shown-column"
                  draggable={!locked}
                  onDragStart={(e) => { setDragging(id); e.dataTransfer.effectAllowed = 'move'; }}
                  onDragEnd={() => { setDragging(null); setOver(null); }}
                  onDragOver={(e) => { if (dragging && !locked) { e.preventDefault(); setOver(id); } }}
                  onDrop={(e) => { e.preventDefault(); if (dragging) onChange(placeColumn(columns, dragging, id)); setDragging(null); setOver(null); }}
                  style={{
                    borderRadius: 6, cursor: locked ? 'default' : 'grab', opacity: dragging === id ? 0.5 : 1,
                    boxShadow: over === id && dragging !== id ? 'inset 0 2px 0 var(--mantine-primary-color-filled)' : undefined,
                  }}>
                  <IconGripVertical size={14} color={locked ? 'transparent' : 'var(--mantine-color-dimmed)'} aria-hidden />
                  <Checkbox size="xs" label={columnRules[id].label} checked disabled={locked} style={{ flex: 1 }}
                    onChange={() => onChange(columns.filter((c) => c !== id))} />
                  {locked ? <Text size="xs" c="dimmed" pr={6}>Always shown</Text> : (
                    <>
                      <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Move ${columnRules[id].label} up`} disabled={i <= 1}
                        onClick={() => onChange(moveColumn(columns, id, -1))}><IconChevronUp size={14} /></ActionIcon>
                      <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Move ${columnRules[id].label} down`} disabled={i === columns.length - 1}
                        onClick={() => onChange(moveColumn(columns, id, 1))}><IconChevronDown size={14} /></ActionIcon>
                    </>
                  )}
                </Group>
              );
            })}
          </Stack>
          {more.length > 0 && <Divider my={6} label="More columns" labelPosition="left" />}
          <Stack gap={0}>
            {more.map((id) => (
              <Group key={id} gap={4} px={4} py={3} wrap="nowrap">
                <IconGripVertical size={14} color="transparent" aria-hidden />
                <Checkbox size="xs" label={columnRules[id].label} checked={false} onChange={() => onChange([...columns, id])} />
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Divider my={6} />
        <Group justify="flex-end">
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onChange(defaultColumns)}>Reset to the usual columns</Button>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
});

import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { newId } from '../../../../shared/data/ids';
import type { StoreOperation } from '../../../../shared/data/store';
import { useUndoableApply } from '../../components/use-undoable-apply';

interface Step { id: string; name: string; position: number }

interface Props {
  opened: boolean;
  onClose: () => void;
  campaignId: string;
  steps: Step[];
  /** How many creators are at each step now. */
  counts: Map<string, number>;
  /** Engagement ids per step, to move when a step goes. */
  engagementsAt: (stepId: string) => string[];
}

/**
 * Add, rename, reorder and remove a campaign's steps. A step with creators
 * in it can only go once someone says where they move; the whole edit is one
 * change with one Undo.
 */
export function EditStepsModal({ opened, onClose, campaignId, steps, counts, engagementsAt }: Props) {
  const { apply } = useUndoableApply();
  const [draft, setDraft] = useState<Step[]>(steps);
  const [removed, setRemoved] = useState<Map<string, string | null>>(new Map());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!opened) return;
    setDraft(steps);
    setRemoved(new Map());
    setError(null);
  }, [opened, steps]);

  const swap = (i: number, j: number) => setDraft((d) => {
    const next = [...d];
    [next[i], next[j]] = [next[j], next[i]];
    return next;
  });
  const remove = (step: Step) => {
    setDraft((d) => d.filter((s) => s.id !== step.id));
    if (counts.get(step.id)) setRemoved((r) => new Map(r).set(step.id, null));
  };
  const save = async () => {
    const names = draft.map((s) => s.name.trim());
    if (names.some((n) => !n)) return setError('Every step needs a name.');
    if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) return setError('Two steps have the same name.');
    if (draft.length === 0) return setError('A campaign needs at least one step.');
    const unplaced = [...removed].filter(([, to]) => !to);
    if (unplaced.length) return setError('Choose where the creators of each removed step go.');
    const operations: StoreOperation[] = [
      { kind: 'update', collection: 'campaigns', id: campaignId, patch: { steps: draft.map((s, i) => ({ id: s.id, name: s.name.trim(), position: i + 1 })) } },
    ];
    for (const [stepId, to] of removed) {
      for (const id of engagementsAt(stepId)) operations.push({ kind: 'update', collection: 'engagements', id, patch: { stepId: to } });
    }
    if (await apply(operations, 'Steps saved', 'The steps were not saved')) onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={700}>Edit steps</Text>} size="lg" centered>
      <Stack gap={6}>
        {draft.map((step, i) => (
          <Group key={step.id} gap="xs" wrap="nowrap">
            <TextInput aria-label={`Step ${i + 1}`} style={{ flex: 1 }} value={step.name} maxLength={60}
              onChange={(e) => { const name = e.currentTarget.value; setDraft((d) => d.map((s) => (s.id === step.id ? { ...s, name } : s))); }} />
            <Text size="xs" c="dimmed" w={70}>{counts.get(step.id) ?? 0} creators</Text>
            <ActionIcon variant="subtle" color="gray" disabled={i === 0} onClick={() => swap(i, i - 1)} aria-label={`Move ${step.name} up`}><IconArrowUp size={16} /></ActionIcon>
            <ActionIcon variant="subtle" color="gray" disabled={i === draft.length - 1} onClick={() => swap(i, i + 1)} aria-label={`Move ${step.name} down`}><IconArrowDown size={16} /></ActionIcon>
            <ActionIcon variant="subtle" color="red" onClick={() => remove(step)} aria-label={`Remove ${step.name}`}><IconTrash size={16} /></ActionIcon>
          </Group>
        ))}
        <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />}
          onClick={() => setDraft((d) => [...d, { id: newId('step-'), name: '', position: d.length + 1 }])}>Add a step</Button>
        {[...removed.keys()].map((stepId) => {
          // The steps can change under the dialog (a save, a teammate): a step no longer there needs no answer.
          const step = steps.find((s) => s.id === stepId);
          if (!step) return null;
          return (
            <Select key={stepId} label={`${counts.get(stepId)} creators at “${step.name}” move to`} placeholder="Choose a step" data-testid="move-removed"
              data={draft.filter((s) => s.name.trim()).map((s) => ({ value: s.id, label: s.name }))} value={removed.get(stepId)}
              onChange={(v) => setRemoved((r) => new Map(r).set(stepId, v))} />
          );
        })}
        {error && <Text size="sm" c="red">{error}</Text>}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()}>Save steps</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { ImportProgress as Progressed } from '../../data/workspace-session';

const phaseWords = { reading: 'Reading the file', checking: 'Checking rows', saving: 'Saving' } as const;

/** A progress bar for the slow parts of an import, with Cancel where stopping is still possible. */
export function ImportProgress({ progress, title, detail, onCancel }: { progress: Progressed | null; title: string; detail?: string; onCancel?: () => void }) {
  const { phase = 'reading', done = 0, total = 0 } = progress ?? {};
  const saving = phase === 'saving';
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Stack gap="sm" py="md" data-testid="import-progress">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {phase === 'checking' && total > 0 ? `${phaseWords.checking}: ${done.toLocaleString()} of ${total.toLocaleString()}` : phaseWords[phase]}
            {detail ? ` · ${detail}` : ''}
          </Text>
        </div>
        {onCancel && <Button variant="default" onClick={onCancel} disabled={saving}>Cancel</Button>}
      </Group>
      <Progress value={saving || total === 0 ? 100 : percent} striped={saving || total === 0} animated={saving || total === 0} size="lg" radius="xl" aria-label={title} />
      {saving && <Text size="xs" c="dimmed">Saving is one step that cannot stop halfway, so a list is never half imported.</Text>}
    </Stack>
  );
}

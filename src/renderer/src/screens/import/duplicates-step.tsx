import { Card, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ConflictPolicy } from '../../../../shared/import/types';

const choices: { value: ConflictPolicy; label: string; detail: string }[] = [
  { value: 'skip', label: 'Skip the row', detail: 'Keep the creator as they are in Fanfare.' },
  { value: 'fill', label: 'Fill in empty fields', detail: 'Add what is missing (email, city, a new account); change nothing that is already filled in.' },
  { value: 'overwrite', label: 'Update from the file', detail: 'Use the file’s values where it has one. Empty cells change nothing.' },
];

function Choice({ title, example, value, onChange, name }: { title: string; example: string; value: ConflictPolicy; onChange: (v: ConflictPolicy) => void; name: string }) {
  return (
    <Card withBorder radius="lg" p="lg">
      <Title order={4}>{title}</Title>
      <Text size="sm" c="dimmed" mb="md">{example}</Text>
      <Radio.Group value={value} onChange={(v) => onChange(v as ConflictPolicy)} name={name} aria-label={title}>
        <Stack gap="sm">
          {choices.map((c) => <Radio key={c.value} value={c.value} label={c.label} description={c.detail} />)}
        </Stack>
      </Radio.Group>
    </Card>
  );
}

/** Step 3: what a row does when its creator is already in the list, for each way of telling. */
export function DuplicatesStep({ onHandle, onEmail, onChange }: { onHandle: ConflictPolicy; onEmail: ConflictPolicy; onChange: (next: { onHandle: ConflictPolicy; onEmail: ConflictPolicy }) => void }) {
  return (
    <Stack gap="md">
      <Text size="sm">When a row is someone already in your list, or repeats someone earlier in the file:</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Choice name="on-handle" title="Same handle on the same platform" example="@zoe.runs, ZOE.RUNS and instagram.com/zoe.runs are one Instagram account." value={onHandle} onChange={(v) => onChange({ onHandle: v, onEmail })} />
        <Choice name="on-email" title="Same email" example="zoe@example.com and ZOE@example.com are one address." value={onEmail} onChange={(v) => onChange({ onHandle, onEmail: v })} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Nothing is ever deleted: accounts, emails and tags are only added, and any value the file replaces stays in the creator’s history.
        A row that matches two different creators is never guessed at; it is listed for you to fix.
      </Text>
    </Stack>
  );
}

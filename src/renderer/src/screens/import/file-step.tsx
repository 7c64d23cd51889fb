import { Alert, Button, FileButton, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 200 * 1024 * 1024;

/** Step 1: a file by drag and drop or the file picker; the page reads it itself, no host needed. */
export function FileStep({ onFile, error }: { onFile: (file: File) => void; error: string | null }) {
  const [over, setOver] = useState(false);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const take = (file: File | null | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setTooBig(`${file.name} is ${(file.size / 1024 / 1024).toFixed(0)} MB; Fanfare imports files up to 200 MB. Split it into smaller files.`);
      return;
    }
    setTooBig(null);
    onFile(file);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files[0]);
  };
  const message = tooBig ?? error;
  return (
    <Stack gap="md">
      <Paper
        withBorder radius="lg" p="xl" data-testid="import-dropzone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-primary-color-light)' : undefined, transition: 'background 120ms' }}
      >
        <Stack align="center" gap="xs" py="lg">
          <ThemeIcon size={64} radius="xl" variant="light"><IconFileSpreadsheet size={34} /></ThemeIcon>
          <Text fw={650} size="lg">Drop your creator list here</Text>
          <Text c="dimmed" size="sm" ta="center" maw={460}>
            A CSV or Excel file: an export from Modash, Upfluence, GRIN or Shopify, or your own spreadsheet. You will see every column before anything is saved.
          </Text>
          <FileButton onChange={take} accept={ACCEPTED_FILES}>
            {(props) => <Button {...props} mt="xs">Choose a file</Button>}
          </FileButton>
        </Stack>
      </Paper>
      {message && (
        <Alert color="red" variant="light" radius="md" icon={<IconAlertTriangle size={18} />} title="This file could not be read">{message}</Alert>
      )}
    </Stack>
  );
}

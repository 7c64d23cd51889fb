import { Alert, Button, FileButton, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconPaperclip } from '@tabler/icons-react';
import type { SignedCopyCheck } from '../../../../shared/documents/signed-copy';

/**
 * A signed copy that did not pass the check: says why, offers another file,
 * and (unless the file is plainly wrong) lets the person attach it anyway,
 * e.g. a contract signed on paper and scanned.
 */
export function SignedCopyCheckModal({ fileName, creatorName, check, busy, onAnother, onAttachAnyway, onClose }: {
  fileName: string;
  creatorName: string;
  check: SignedCopyCheck;
  busy: boolean;
  onAnother: (file: File | null) => void;
  onAttachAnyway: () => void;
  onClose: () => void;
}) {
  const refused = check.verdict === 'refuse';
  return (
    <Modal opened onClose={onClose} title={<Text fw={700}>{refused ? 'This file cannot be attached' : `Is this ${creatorName ? `${creatorName}’s` : 'the'} signed contract?`}</Text>} size="lg">
      <Stack gap="sm" data-testid="signed-copy-check">
        <Alert color={refused ? 'red' : 'orange'} variant="light" icon={refused ? <IconBan size={18} /> : <IconAlertTriangle size={18} />} title={fileName}>
          <List size="sm" spacing={4}>
            {check.reasons.map((reason) => <List.Item key={reason}>{reason}</List.Item>)}
          </List>
        </Alert>
        {!refused && (
          <Text size="sm" c="dimmed">
            If you know it is the right file (for example, signed on paper and scanned), attach it anyway: the contract will show that it was not checked.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <FileButton accept="application/pdf" onChange={onAnother}>
            {(props) => <Button {...props} variant={refused ? 'filled' : 'default'} leftSection={<IconPaperclip size={14} />}>Choose another file</Button>}
          </FileButton>
          {!refused && <Button color="orange" loading={busy} onClick={onAttachAnyway}>Attach anyway</Button>}
        </Group>
      </Stack>
    </Modal>
  );
}

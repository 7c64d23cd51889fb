import { Modal, Text } from '@mantine/core';

/** Import creators from a spreadsheet: file, columns, options, summary, import, report. */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title="Import creators" size="xl" centered>
      <Text size="sm">Choose a CSV or Excel file exported from your spreadsheet or influencer tool.</Text>
    </Modal>
  );
}

import { ActionIcon, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';

/** The × at the end of a row in a list form (a KPI, a bucket, a key message). */
export function RemoveButton({ label, first, onClick }: { label: string; first: boolean; onClick: () => void }) {
  return (
    <Tooltip label={label}>
      {/* The first row carries the column labels: its button sits lower to line up with the inputs. */}
      <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} mt={first ? 30 : 4}><IconX size={16} /></ActionIcon>
    </Tooltip>
  );
}

import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { UncoveredText } from '../../../../shared/documents/uncovered';

/** Names every character no bundled font has, and where it is, before the PDF is saved. */
export function UncoveredWarning({ uncovered }: { uncovered: UncoveredText[] }) {
  if (!uncovered.length) return null;
  const chars = [...new Set(uncovered.map((u) => u.char))];
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} mb="sm" data-testid="uncovered-warning"
      title={`${chars.length === 1 ? 'One character has' : `${chars.length} characters have`} no font in Fanfare and would print as an empty box`}>
      <Text size="sm" mb={4}>Change the text, or save anyway and check these places in the PDF:</Text>
      <List size="sm" spacing={2}>
        {uncovered.slice(0, 8).map((u, i) => (
          <List.Item key={i}>“{u.char}” ({u.codePoint}) in {u.where}: “{u.context}”</List.Item>
        ))}
      </List>
      {uncovered.length > 8 && <Text size="sm" mt={4}>…and {uncovered.length - 8} more places.</Text>}
    </Alert>
  );
}

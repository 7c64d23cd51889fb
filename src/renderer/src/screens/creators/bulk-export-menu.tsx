import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import type { ExportFormat } from './export-file';

/** Downloads the selected creators with the columns on screen. */
export function BulkExportMenu({ onExport }: { onExport(format: ExportFormat): void }) {
  return (
    <Menu position="top" shadow="md">
      <Menu.Target>
        <Button size="xs" variant="subtle" leftSection={<IconDownload size={16} />} title="Export">Export</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>With the columns shown</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => onExport('xlsx')}>Excel (.xlsx)</Menu.Item>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => onExport('csv')}>CSV</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

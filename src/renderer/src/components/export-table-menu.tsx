import { Button, Menu, Tooltip, type ButtonProps, type MenuProps } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { tableFileName } from '../../../shared/domain/export-columns';
import type { ExportTable } from '../../../shared/domain/table-export';
import { localToday } from '../../../shared/domain/dates';
import { showDownloadNotice } from './download-file';
import { reportError } from './report-error';
import { downloadTable, type ExportFormat } from './table-download';

type FileFilters = readonly (string | null | undefined | false)[];

/**
 * "Export" for any table: the rows on screen (its filters, sort and search)
 * with the columns on screen, as an Excel workbook or a CSV. The table is
 * built only when someone asks for it, so a big table costs nothing until
 * then.
 *
 * A list that changes on every key press passes the count and the filters as
 * functions, read when the menu opens or the file is made, with `build`
 * stable: the menu then does not render again as the person types.
 */
export const ExportTableMenu = memo(function ExportTableMenu({ build, rowCount, name, filters = [], sheetName, what = ['row', 'rows'], size = 'xs', variant = 'default', position = 'bottom-end', label }: {
  /** The rows currently shown, as a sheet. */
  build(): ExportTable;
  /** How many rows are shown; 0 turns the button off. */
  rowCount: number | (() => number);
  /** The table's name in the file name: "codes" → codes-active-2026-11-21.xlsx. */
  name: string;
  /** What the table is filtered to, in the file name ("active", a campaign's name…). */
  filters?: FileFilters | (() => FileFilters);
  sheetName: string;
  /** What a row is, one and many, for the message: ['code', 'codes']. */
  what?: readonly [string, string];
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  position?: MenuProps['position'];
  /** The button's name for screen readers and on hover, when "Export <sheet name>" would not say which rows. */
  label?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState(false);
  label ??= `Export ${sheetName.toLowerCase()}`;
  const count = (n: number) => `${n.toLocaleString()} ${n === 1 ? what[0] : what[1]}`;
  if (rowCount === 0 || (typeof rowCount === 'function' && rowCount() === 0)) {
    return (
      <Tooltip label="Nothing to export: no rows match what is shown" withArrow>
        {/* data-disabled rather than disabled: a disabled button never tells the tooltip the pointer is on it. */}
        <Button size={size} variant={variant} leftSection={<IconDownload size={14} />} data-disabled aria-disabled aria-label={label} onClick={(e) => e.preventDefault()}>Export</Button>
      </Tooltip>
    );
  }
  const exportAs = async (format: ExportFormat) => {
    setBusy(true);
    try {
      // Let the button show it is working before a big table is built.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const table = build();
      const fileName = await downloadTable(table, format, tableFileName(name, typeof filters === 'function' ? filters() : filters, localToday()), sheetName);
      showDownloadNotice({ title: `${count(table.rows.length)} exported`, message: `Saved as ${fileName}` });
    } catch (error) {
      reportError(`The ${sheetName.toLowerCase()} could not be exported`)(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    // Opening re-renders this component, so a count passed as a function is read fresh.
    <Menu position={position} shadow="md" withinPortal opened={opened} onChange={setOpened}>
      <Menu.Target>
        <Button size={size} variant={variant} leftSection={<IconDownload size={14} />} loading={busy} aria-label={label} title={label} data-testid="export-table">Export</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{count(typeof rowCount === 'function' ? rowCount() : rowCount)}, columns as shown</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportAs('xlsx')}>Excel workbook (.xlsx)</Menu.Item>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => void exportAs('csv')}>CSV</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
});

import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { buildReportCreatorsTable, buildReportPostsTable } from '../../../../shared/domain/table-exports/reports';
import type { ExportTable } from '../../../../shared/domain/table-export';
import type { Report } from '../../../../shared/reports/build-report';
import type { ReportView } from '../../../../shared/reports/report-view';
import { reportWorkbookFrom } from '../../../../shared/reports/workbook-input';
import { LeadershipPdfModal } from './leadership-pdf-modal';
import { downloadBlob } from '../../components/download-file';
import { reportError } from '../../components/report-error';
import { downloadTable } from '../../components/table-download';
import { host } from '../../host';
import { base64ToBytes } from '../../host/base64';
import { slugOf } from '../../../../shared/domain/fold-text';

function slug(text: string): string {
  return slugOf(text, 50) || 'report';
}

/** The report as an Excel workbook for leadership, or its tables as CSV. */
export function ExportReportButton({ report, title, view, ownerNames }: { report: Report; title: string; view: ReportView; ownerNames?: Record<string, string> }) {
  const [busy, setBusy] = useState(false);
  const [pdfOpen, setPdfOpen] = useState(false);
  const period = report.period ? `${report.period.start}-to-${report.period.end}` : 'all-time';

  const exportXlsx = async () => {
    setBusy(true);
    const id = notifications.show({ loading: true, title: 'Preparing the Excel report', message: 'Drawing the charts', autoClose: false, withCloseButton: false });
    try {
      const input = reportWorkbookFrom(report, view, {
        title: `${title} — report`,
        subtitle: `${report.period ? `${report.period.start} to ${report.period.end}` : 'All time'} · ${report.currency} · made with Fanfare on ${new Date().toISOString().slice(0, 10)}`,
        fileName: `${slug(title)}-${period}`,
      });
      const file = await host['reports-export-xlsx'](input, { onProgress: (p) => notifications.update({ id, loading: true, title: 'Preparing the Excel report', message: p.message, autoClose: false }) });
      downloadBlob(file.fileName, new Blob([base64ToBytes(file.base64)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      notifications.update({ id, loading: false, color: 'teal', title: 'Excel report ready', message: `${file.fileName}: a summary of live formulas, the posts, creators and spend sheets, and charts.`, autoClose: 5000, withCloseButton: true });
    } catch (error) {
      notifications.update({ id, loading: false, color: 'red', title: 'Could not make the Excel report', message: error instanceof Error ? error.message : String(error), autoClose: false, withCloseButton: true });
    } finally {
      setBusy(false);
    }
  };
  const exportCsv = (table: ExportTable, name: string) => {
    downloadTable(table, 'csv', `${slug(title)}-${name}-${period}`).catch(reportError('Could not export the report'));
  };

  return (
    <>
    <Menu position="bottom-end">
      <Menu.Target>
        <Button leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />} loading={busy}>Export</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportXlsx()}>Excel report for leadership (.xlsx)</Menu.Item>
        <Menu.Item leftSection={<IconFileTypePdf size={16} />} onClick={() => setPdfOpen(true)}>PDF for leadership, with charts (.pdf)</Menu.Item>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => exportCsv(buildReportPostsTable(report), 'posts')}>Posts (.csv)</Menu.Item>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => exportCsv(buildReportCreatorsTable(report), 'creators')}>Who posted (.csv)</Menu.Item>
      </Menu.Dropdown>
    </Menu>
    <LeadershipPdfModal opened={pdfOpen} onClose={() => setPdfOpen(false)} report={report} title={title} view={view} ownerNames={ownerNames} />
    </>
  );
}

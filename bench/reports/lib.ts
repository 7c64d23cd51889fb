// The app code the reports benchmark runs, bundled for Node by run.mjs.
export { buildReport, defaultFilters, prepareReport } from '../../src/shared/reports/build-report';
export { reportWorkbookFrom } from '../../src/shared/reports/workbook-input';
export { defaultReportView } from '../../src/shared/reports/report-view';
export { exportReportWorkbook } from '../../src/main/services/exports/export-report';
export { reportWorkbookInput } from '../../src/shared/reports/workbook-input';

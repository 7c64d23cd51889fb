// The app code the leadership PDF benchmark runs, bundled for Node by run.mjs.
export { buildReport, defaultFilters, prepareReport } from '../../src/shared/reports/build-report';
export { defaultReportView } from '../../src/shared/reports/report-view';
export { leadershipRequestFrom } from '../../src/shared/reports/leadership-request';
export { documentRequest, specFor } from '../../src/shared/documents/requests';
export { defaultBrandKit } from '../../src/shared/documents/model';
export { renderDocument } from '../../src/main/services/documents/render-document';

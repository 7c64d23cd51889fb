// The table writer now lives with the shared components, for every table in the app.
export { downloadTable, type ExportFormat } from '../../components/table-download';

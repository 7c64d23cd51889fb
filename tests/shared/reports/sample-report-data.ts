import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { generateDemoWorkspace } from '../../../src/shared/demo/generate';
import { loadDemoRecords } from '../../../src/shared/demo/load';
import type { ReportData } from '../../../src/shared/reports/build-report';

/** The sample workspace (400 creators) as a report reads it: what a new user sees on the Reports screen. */
export function sampleReportData(): ReportData {
  const store = new WorkspaceStore(new Y.Doc());
  loadDemoRecords(store, generateDemoWorkspace({ creators: 400 }));
  return {
    campaigns: store.list('campaigns'), engagements: store.list('engagements'), creators: store.list('creators'),
    content: store.list('content'), shipments: store.list('shipments'), products: store.list('products'),
  } as unknown as ReportData;
}

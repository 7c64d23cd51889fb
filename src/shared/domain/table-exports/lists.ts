import { exportTable, moneyAmount } from '../export-columns';
import type { Money } from '../fields';
import type { ExportTable } from '../table-export';

/** The campaigns and programs list: dates as dates, the budget as a number with its currency, creators in and planned. */
export function buildCampaignsTable(rows: readonly {
  name: string; kind: 'campaign' | 'program'; status: string; objective: string; activation: string; startsOn: string | null; endsOn: string | null;
  budget: Money | null; creators: number; planned: number | null;
}[]): ExportTable {
  return exportTable(rows, [
    { header: 'Name', kind: 'text', value: (c) => c.name },
    { header: 'Type', kind: 'text', value: (c) => (c.kind === 'program' ? 'Program' : 'Campaign') },
    { header: 'Status', kind: 'text', value: (c) => c.status },
    { header: 'Objective', kind: 'text', value: (c) => c.objective },
    { header: 'Activation', kind: 'text', value: (c) => c.activation },
    { header: 'Starts', kind: 'date', value: (c) => c.startsOn },
    { header: 'Ends', kind: 'date', value: (c) => c.endsOn },
    { header: 'Budget', kind: 'money', value: (c) => moneyAmount(c.budget) },
    { header: 'Currency', kind: 'text', value: (c) => c.budget?.currency ?? '' },
    { header: 'Creators', kind: 'count', value: (c) => c.creators },
    { header: 'Creators planned', kind: 'count', value: (c) => c.planned },
  ]);
}

/** A task list as grouped on screen (overdue, today, this week…), each task with what it is about. */
export function buildTasksTable(rows: readonly { group: string; title: string; dueAt: string | null; doneAt: string | null; assignee: string; creatorName: string; campaignName: string; notes: string }[]): ExportTable {
  return exportTable(rows, [
    { header: 'When', kind: 'text', value: (t) => t.group },
    { header: 'Task', kind: 'text', value: (t) => t.title },
    { header: 'Due', kind: 'date', value: (t) => t.dueAt },
    { header: 'Done', kind: 'date', value: (t) => t.doneAt },
    { header: 'Assigned to', kind: 'text', value: (t) => t.assignee },
    { header: 'Creator', kind: 'text', value: (t) => t.creatorName },
    { header: 'Campaign', kind: 'text', value: (t) => t.campaignName },
    { header: 'Notes', kind: 'text', value: (t) => t.notes },
  ]);
}

/** What is in the trash, most recently deleted first. */
export function buildTrashTable(rows: readonly { what: string; name: string; deletedAt: string }[]): ExportTable {
  return exportTable(rows, [
    { header: 'What', kind: 'text', value: (r) => r.what },
    { header: 'Name', kind: 'text', value: (r) => r.name },
    { header: 'Deleted', kind: 'date', value: (r) => r.deletedAt },
  ]);
}

/** The briefs, last edited first: which campaign, which version, and to how many creators each went. */
export function buildBriefsTable(rows: readonly { title: string; campaignName: string; status: string; version: number; sentTo: number; updatedAt: string }[]): ExportTable {
  return exportTable(rows, [
    { header: 'Brief', kind: 'text', value: (b) => b.title },
    { header: 'Campaign', kind: 'text', value: (b) => b.campaignName },
    { header: 'Status', kind: 'text', value: (b) => b.status },
    { header: 'Version', kind: 'count', value: (b) => b.version },
    { header: 'Sent to (creators)', kind: 'count', value: (b) => b.sentTo },
    { header: 'Last edited', kind: 'date', value: (b) => b.updatedAt },
  ]);
}

/** The projected brief fields the list and the editor read (documents of kind "brief"). */
export interface BriefRow {
  id: string;
  title: string;
  campaignId: string | null;
  creatorId: string | null;
  status: 'draft' | 'in-review' | 'approved' | 'sent' | 'signed' | 'countersigned' | 'archived';
  bodyDocId: string | null;
  body: string;
  version: number;
  parentId: string | null;
  /** For a program's monthly brief: `month` ("2026-12"). */
  mergeValues: Record<string, string>;
  sentTo: { creatorId: string; at: string; by: string | null }[];
  /** Absent on briefs saved before mood boards existed. */
  moodBoard?: string[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** Each brief's text is its own shared document; the id follows from the brief, so every laptop agrees on it. */
export const briefBodyDocId = (briefId: string) => `brief-${briefId}`;

export const briefStatusLabels: Record<string, string> = {
  draft: 'Draft', 'in-review': 'In review', approved: 'Approved', sent: 'Sent to creators', signed: 'Signed', countersigned: 'Countersigned', archived: 'Archived',
};

export const briefStatusColors: Record<string, string> = {
  draft: 'gray', 'in-review': 'yellow', approved: 'violet', sent: 'teal', signed: 'blue', countersigned: 'blue', archived: 'dark',
};

/** "2 minutes ago", "yesterday", "3 Mar". */
export function formatEdited(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 2 * 86_400) return 'yesterday';
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

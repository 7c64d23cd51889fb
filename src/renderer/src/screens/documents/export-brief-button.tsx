import { Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useWorkspace } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { acquireRichText } from '../../data/rich-text/open-rich-text';
import { fragmentToJson } from '../../../../shared/documents/brief';
import type { DocumentRequest } from '../../../../shared/documents/requests';
import { PdfPreviewModal } from './pdf-preview-modal';
import { useBrandKit } from './use-brand-kit';

export interface ExportableBrief {
  title: string;
  bodyDocId: string;
  statusLabel: string;
  campaignName: string | null;
  updatedAt: string;
}

/** "Export PDF" on a brief: its collaborative text, as it is now, laid out with the brand kit and previewed before saving. */
export function ExportBriefButton({ brief }: { brief: ExportableBrief }) {
  const { session, current } = useWorkspace();
  const { kit } = useBrandKit();
  const [request, setRequest] = useState<DocumentRequest | null>(null);
  const [reading, setReading] = useState(false);

  const open = async () => {
    if (!session) return;
    setReading(true);
    const link = current?.invite ? { invite: current.invite, paused: !!current.syncPaused } : null;
    const { doc, release } = acquireRichText(session.id, brief.bodyDocId, link);
    try {
      await doc.loaded;
      setRequest({
        kind: 'brief', brand: kit, title: brief.title, campaignName: brief.campaignName, statusLabel: brief.statusLabel,
        updatedOn: new Date(brief.updatedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
        body: fragmentToJson(doc.fragment),
      });
    } finally {
      release();
      setReading(false);
    }
  };

  return (
    <>
      <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={reading} onClick={() => void open().catch(reportError('The brief could not be exported'))}>Export PDF</Button>
      <PdfPreviewModal request={request} title={`Preview · ${brief.title}`} onClose={() => setRequest(null)} />
    </>
  );
}

import { Button } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useWorkspace } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { acquireRichText } from '../../data/rich-text/open-rich-text';
import { fragmentToJson, type PmNode } from '../../../../shared/documents/brief';
import { uneditedPrompts, type UneditedPrompt } from '../../../../shared/documents/brief-prompts';
import { ExportBriefModal, type ExportableBrief } from '../briefs/export-brief-modal';

export type { ExportableBrief };

/** "Export PDF" on a brief: reads its collaborative text as it is now, then asks which copy (creator or team) to lay out. */
export function ExportBriefButton({ brief }: { brief: ExportableBrief & { bodyDocId: string } }) {
  const { session, current } = useWorkspace();
  const [read, setRead] = useState<{ body: PmNode; prompts: UneditedPrompt[] } | null>(null);
  const [reading, setReading] = useState(false);

  const open = async () => {
    if (!session) return;
    setReading(true);
    const link = current?.invite ? { invite: current.invite, paused: !!current.syncPaused } : null;
    const { doc, release } = acquireRichText(session.id, brief.bodyDocId, link);
    try {
      await doc.loaded;
      const body = fragmentToJson(doc.fragment);
      setRead({ body, prompts: uneditedPrompts(body) });
    } finally {
      release();
      setReading(false);
    }
  };

  return (
    <>
      <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={reading} onClick={() => void open().catch(reportError('The brief could not be exported'))}>Export PDF</Button>
      {read && <ExportBriefModal brief={brief} body={read.body} prompts={read.prompts} onClose={() => setRead(null)} />}
    </>
  );
}

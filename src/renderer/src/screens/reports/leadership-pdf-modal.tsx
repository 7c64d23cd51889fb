import { useMemo } from 'react';
import { topContent, type Report } from '../../../../shared/reports/build-report';
import { leadershipRequestFrom, pdfTopPosts } from '../../../../shared/reports/leadership-request';
import type { ReportView } from '../../../../shared/reports/report-view';
import { useRxQuery } from '../../hooks/use-rx-query';
import { PdfPreviewModal } from '../documents/pdf-preview-modal';
import { useBrandKit } from '../documents/use-brand-kit';

const preparedOn = () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

interface PictureRow { id: string; sha256: string; kind: string }

/**
 * The report as on screen (filters, period, comparison) laid out as a PDF for
 * leadership, in the brand kit's colours and font, with the top posts'
 * pictures from the library: previewed, then saved.
 */
export function LeadershipPdfModal({ opened, onClose, report, title, view, ownerNames }: {
  opened: boolean; onClose(): void; report: Report; title: string; view: ReportView; ownerNames?: Record<string, string>;
}) {
  const { kit } = useBrandKit();
  // Kept live while the screen is open, so the pictures are known by the time the menu item is clicked.
  const assetIds = useMemo(() => topContent(report, view.topBy, pdfTopPosts).map((p) => p.assetId).filter((id): id is string => !!id), [report, view.topBy]);
  const pictures = useRxQuery<PictureRow>('assets', { selector: { id: { $in: assetIds }, kind: 'image', deletedAt: null } }, `leadership-pdf-pictures-${assetIds.join(',')}`);
  const ready = opened && pictures != null;
  // Made once per opening, when the pictures are known: the preview must not redraw while the screen behind it updates.
  const request = useMemo(
    () => (ready ? leadershipRequestFrom(report, view, { title, brand: kit, preparedOn: preparedOn(), ownerNames, pictures: Object.fromEntries((pictures ?? []).map((a) => [a.id, a.sha256])) }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ready],
  );
  return <PdfPreviewModal request={opened ? request : null} title="Preview · Leadership report" onClose={onClose} />;
}

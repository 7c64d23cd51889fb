import { useMemo } from 'react';
import type { Report } from '../../../../shared/reports/build-report';
import { leadershipRequestFrom } from '../../../../shared/reports/leadership-request';
import type { ReportView } from '../../../../shared/reports/report-view';
import { PdfPreviewModal } from '../documents/pdf-preview-modal';
import { useBrandKit } from '../documents/use-brand-kit';

const preparedOn = () => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

/**
 * The report as on screen (filters, period, comparison) laid out as a PDF for
 * leadership, in the brand kit's colours and font: previewed, then saved.
 */
export function LeadershipPdfModal({ opened, onClose, report, title, view, ownerNames }: {
  opened: boolean; onClose(): void; report: Report; title: string; view: ReportView; ownerNames?: Record<string, string>;
}) {
  const { kit } = useBrandKit();
  // Made once per opening: the preview must not re-render while the screen behind it updates.
  const request = useMemo(
    () => (opened ? leadershipRequestFrom(report, view, { title, brand: kit, preparedOn: preparedOn(), ownerNames }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [opened],
  );
  return <PdfPreviewModal request={request} title="Preview · Leadership report" onClose={onClose} />;
}

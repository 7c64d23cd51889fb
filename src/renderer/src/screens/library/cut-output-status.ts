import type { CutJobOutputView, CutJobView } from '../../../../shared/media/library-contract';

export interface OutputStatus {
  label: string;
  color: 'teal' | 'red' | 'gray';
  icon: 'check' | 'x' | null;
  /** The tooltip: what was checked, or why not. */
  title: string;
}

/**
 * How one output of a cut reads on its badge. An output of a cancelled job
 * that was never made says "Cancelled", not "Failed": nothing went wrong,
 * someone stopped it (the queue marks such outputs 'cancelled').
 */
export function cutOutputStatus(job: Pick<CutJobView, 'status'>, out: Pick<CutJobOutputView, 'status' | 'problem' | 'checks'>): OutputStatus {
  if (out.status === 'cancelled') return { label: 'Cancelled', color: 'gray', icon: null, title: 'Cancelled before this cut was made.' };
  if (out.status === 'done') return { label: 'Ready', color: 'teal', icon: 'check', title: `Checked: ${out.checks.join(', ')}` };
  if (out.status === 'failed') return { label: 'Failed', color: 'red', icon: 'x', title: out.problem ?? 'The cut failed its check.' };
  return { label: job.status === 'queued' ? 'Waiting' : 'Cutting', color: 'gray', icon: null, title: '' };
}

import type { PlanDocument } from '../../../../shared/domain/plan-document';
import { downloadBlob } from '../../components/download-file';
import { host } from '../../host';
import { base64ToBytes } from '../../host/base64';

/** Has the host write the plan as .xlsx and saves it as a download; returns the file name. */
export async function exportPlan(plan: PlanDocument): Promise<string> {
  const { fileName, base64 } = await host['campaign-plan-export']({ plan });
  downloadBlob(fileName, new Blob([base64ToBytes(base64)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  return fileName;
}

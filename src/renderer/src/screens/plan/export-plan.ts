import type { PlanDocument } from '../../../../shared/domain/plan-document';
import { downloadBlob } from '../../components/download-file';
import { host } from '../../host';

/** Has the host write the plan as .xlsx and saves it as a download; returns the file name. */
export async function exportPlan(plan: PlanDocument): Promise<string> {
  const { fileName, base64 } = await host['campaign-plan-export']({ plan });
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  return fileName;
}

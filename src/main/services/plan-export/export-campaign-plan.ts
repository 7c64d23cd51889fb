import type { Progress } from '../../../shared/api/contract';
import type { PlanDocument } from '../../../shared/domain/plan-document';
import { writePlanWorkbook } from './campaign-plan-xlsx';

/** The host side of "Export plan": the workbook's bytes as base64, because every transport carries JSON. */
export async function exportCampaignPlan(plan: PlanDocument, options: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {}) {
  options.onProgress?.({ fraction: null, message: `Writing the plan for ${plan.name}` });
  const { fileName, bytes } = await writePlanWorkbook(plan, options.signal);
  return { fileName, base64: Buffer.from(bytes).toString('base64'), sizeBytes: bytes.byteLength };
}

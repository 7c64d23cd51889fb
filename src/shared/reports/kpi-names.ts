import { targetKpi } from './build-report';
import { kpiById, type KpiFormat } from './kpis';

/**
 * KPI targets are typed by people ("reach", "cpm", "Saves per post"). These
 * give them back in words a CFO reads, and their target in its unit, the
 * way reports read them (build-report's targets).
 */

/** "reach" → "Reach", "cpm" → "Cost per thousand impressions"; a KPI Fanfare does not know keeps its words, capitalised. */
export function kpiName(typed: string): string {
  const id = targetKpi(typed);
  if (id) return kpiById[id].label;
  const t = typed.trim();
  return t ? t[0].toUpperCase() + t.slice(1) : 'Unnamed KPI';
}

/** A target in its KPI's unit: money in currency units, a rate typed as 4 meaning 4% (0.04); unknown KPIs count. */
export function kpiTargetValue(typed: string, target: number): { value: number; format: KpiFormat } {
  const id = targetKpi(typed);
  const format = id ? kpiById[id].format : 'count';
  return { value: format === 'percent' && target > 1 ? target / 100 : target, format };
}

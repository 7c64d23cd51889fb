import type { Block, BrandKit, DocumentSpec, Inline } from './model';

/** A one-document summary of a campaign for leadership: goals, budget, audience buckets, pipeline and creators. */
export interface CampaignPlanSource {
  name: string;
  kind: string;
  objective: string;
  activationModels: string[];
  dates: string;
  budget: string;
  committed: string;
  keyMessages: string[];
  kpiTargets: Array<{ kpi: string; target: string }>;
  buckets: Array<{ name: string; range: string; target: number; inPipeline: number }>;
  steps: Array<{ name: string; count: number }>;
  creators: Array<{ name: string; handle: string; step: string; fee: string; deliverables: string }>;
}

const cell = (text: string): Inline[] => [{ text }];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function campaignPlanSpec(src: CampaignPlanSource, brand: BrandKit): DocumentSpec {
  const blocks: Block[] = [];
  blocks.push({ type: 'heading', level: 1, runs: [{ text: 'The plan' }] });
  blocks.push({ type: 'paragraph', runs: [{ text: `${cap(src.kind)} focused on ` }, { text: src.objective, bold: true }, { text: `, through ${src.activationModels.join(', ') || 'creator partnerships'}. ` }, { text: `${src.creators.length} creators are in the pipeline; ${src.committed} is committed in fees so far of a ${src.budget} budget.` }] });
  if (src.keyMessages.length) {
    blocks.push({ type: 'heading', level: 2, runs: [{ text: 'Key messages' }] });
    blocks.push({ type: 'list', ordered: false, items: src.keyMessages.map((m) => [{ type: 'paragraph', runs: [{ text: m }] }]) });
  }
  if (src.kpiTargets.length) {
    blocks.push({ type: 'heading', level: 2, runs: [{ text: 'Targets' }] });
    blocks.push({ type: 'table', columns: [{ header: 'KPI', width: 2 }, { header: 'Target', width: 1, align: 'right' }], rows: src.kpiTargets.map((k) => [cell(k.kpi), cell(k.target)]) });
  }
  if (src.buckets.length) {
    blocks.push({ type: 'heading', level: 2, runs: [{ text: 'Creator mix' }] });
    blocks.push({ type: 'table', columns: [{ header: 'Bucket', width: 1.4 }, { header: 'Followers', width: 1.6 }, { header: 'Target', width: 0.8, align: 'right' }, { header: 'In pipeline', width: 1, align: 'right' }], rows: src.buckets.map((b) => [cell(b.name), cell(b.range), cell(String(b.target)), cell(String(b.inPipeline))]) });
  }
  if (src.steps.length) {
    blocks.push({ type: 'heading', level: 2, runs: [{ text: 'Pipeline today' }] });
    blocks.push({ type: 'table', columns: [{ header: 'Step', width: 2 }, { header: 'Creators', width: 1, align: 'right' }], rows: src.steps.map((s) => [cell(s.name), cell(String(s.count))]) });
  }
  blocks.push({ type: 'heading', level: 2, runs: [{ text: 'Creators' }] });
  blocks.push(src.creators.length
    ? { type: 'table', columns: [{ header: 'Creator', width: 1.6 }, { header: 'Handle', width: 1.3 }, { header: 'Step', width: 1.2 }, { header: 'Fee', width: 0.9, align: 'right' }, { header: 'Deliverables', width: 1.6 }], rows: src.creators.map((c) => [cell(c.name), cell(c.handle), cell(c.step), cell(c.fee), cell(c.deliverables)]) }
    : { type: 'paragraph', runs: [{ text: 'No creators added yet.', italic: true }], muted: true });
  return {
    title: `${src.name} – campaign plan`,
    eyebrow: 'Campaign plan',
    subtitle: `${brand.name} · ${src.dates}`,
    facts: [{ label: 'Dates', value: src.dates }, { label: 'Budget', value: src.budget }, { label: 'Committed', value: src.committed }],
    brand,
    footer: `${brand.name} · ${src.name} · Campaign plan`,
    subject: `Campaign plan: ${src.name}`,
    blocks,
  };
}

import { rankTemplates, type TemplateFit, type TemplateLike } from '../../../../shared/domain/team-templates';
import { activationLabels } from '../campaign-row';

export interface OptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

/**
 * A picker's groups: the team's templates for the campaign's activation
 * models first, then those for any campaign, then the others; `builtIn`
 * (the app's own starting points) come before the team's.
 */
export function templateOptionGroups(templates: readonly TemplateLike[], campaignModels: readonly string[], builtIn: { value: string; label: string }[]): OptionGroup[] {
  const ranked = rankTemplates(templates, campaignModels);
  const models = campaignModels.map((m) => activationLabels[m] ?? m).join(', ');
  const names: Record<TemplateFit, string> = {
    match: `Team templates for ${models || 'this campaign'}`,
    any: campaignModels.length ? 'Team templates for any campaign' : 'Team templates',
    other: 'Team templates for other activation models',
  };
  const groups: OptionGroup[] = builtIn.length ? [{ group: 'Built in', items: builtIn }] : [];
  for (const fit of ['match', 'any', 'other'] as const) {
    const items = ranked.filter((r) => r.fit === fit).map((r) => ({ value: r.template.id, label: labelOf(r.template) }));
    if (items.length) groups.push({ group: names[fit], items });
  }
  return groups;
}

function labelOf(template: TemplateLike): string {
  const models = template.activationModels ?? [];
  return models.length ? `${template.title} · ${models.map((m) => activationLabels[m] ?? m).join(', ')}` : template.title;
}

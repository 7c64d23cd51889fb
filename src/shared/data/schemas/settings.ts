import { z } from 'zod';
import { defineCollection, requiredText } from './base';

/**
 * Workspace-level configuration that the team shares: tier thresholds,
 * scorecard criteria, custom field definitions, saved views, members,
 * brand kit, creators confirmed not to be duplicates (data.pair), saved
 * report views (kind "report-view", data: the report builder's filters), saved
 * replies for commenting on creators' posts (kind "saved-reply", data.text). One
 * record per item; `kind` says which.
 */
export const settingKinds = ['workspace', 'saved-view', 'scorecard-criterion', 'custom-field', 'member', 'brand-kit', 'code-rule', 'not-duplicate', 'report-view', 'channel-preset', 'saved-reply'] as const;

export const settingFields = z.object({
  kind: z.enum(settingKinds),
  name: requiredText('Name'),
  data: z.record(z.string(), z.unknown()).default({}),
});

export const settings = defineCollection({
  version: 1,
  fields: settingFields,
  noun: 'setting',
  indexed: {},
  indexes: [],
});

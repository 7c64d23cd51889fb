import { z } from 'zod';
import { isoDate } from './fields';

/**
 * A code rule: how a program or tier names its creators' discount codes and
 * what they give. Stored as a settings record of kind 'code-rule' (its
 * `data`), so the team shares the rules and they sync like any setting.
 */
export const patternTokens = ['HANDLE', 'FIRSTNAME', 'LASTNAME', 'NAME', 'DISCOUNT', 'CAMPAIGN', 'YEAR'] as const;
export type PatternToken = (typeof patternTokens)[number];

export const tokenHelp: Record<PatternToken, string> = {
  HANDLE: 'the creator’s main handle (zoe.makes → ZOEMAKES)',
  FIRSTNAME: 'first name (Zoë → ZOE)',
  LASTNAME: 'last name',
  NAME: 'first and last name together',
  DISCOUNT: 'the discount value (15 for 15% or $15)',
  CAMPAIGN: 'the campaign or program name',
  YEAR: 'the year the code is made (2026)',
};

const TOKEN = /\{([^{}]*)\}/g;

export function tokensIn(pattern: string): string[] {
  return [...pattern.matchAll(TOKEN)].map((m) => m[1].trim().toUpperCase());
}

export const codeRuleData = z.object({
  pattern: z.string().trim().min(1, 'Write a pattern such as {HANDLE}{DISCOUNT}').max(80).default('{HANDLE}{DISCOUNT}').superRefine((pattern, ctx) => {
    const unknown = tokensIn(pattern).filter((t) => !(patternTokens as readonly string[]).includes(t));
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `Unknown part ${unknown.map((t) => `{${t}}`).join(', ')}: use ${patternTokens.map((t) => `{${t}}`).join(', ')}` });
    if (!tokensIn(pattern).some((t) => ['HANDLE', 'FIRSTNAME', 'LASTNAME', 'NAME'].includes(t))) {
      ctx.addIssue({ code: 'custom', message: 'Include {HANDLE} or a name part, so each creator gets their own code' });
    }
    if (/[{}]/.test(pattern.replace(TOKEN, ''))) ctx.addIssue({ code: 'custom', message: 'A brace is not closed' });
  }),
  letterCase: z.enum(['upper', 'lower']).default('upper'),
  /** Which characters a code may hold; everything else is dropped (spaces, dots, emoji). */
  allowed: z.enum(['letters-digits', 'letters-digits-dash', 'letters-digits-dash-underscore']).default('letters-digits'),
  maxLength: z.number().int('Use a whole number').min(4, 'At least 4 characters').max(255, 'Shopify allows at most 255 characters').default(20),
  discountType: z.enum(['percent', 'fixed']).default('percent'),
  discountValue: z.number().positive('The discount must be more than 0').default(15),
  currency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  expiresOn: isoDate.nullable().default(null),
  usageLimit: z.number().int().positive('A usage limit is at least 1').nullable().default(null),
  onePerCustomer: z.boolean().default(true),
  /** The program or campaign this rule is for, and optionally one tier/bucket of it. */
  campaignId: z.string().nullable().default(null),
  tier: z.string().trim().max(60).default(''),
}).superRefine((rule, ctx) => {
  if (rule.discountType === 'percent' && rule.discountValue > 100) ctx.addIssue({ code: 'custom', path: ['discountValue'], message: 'A percentage cannot be over 100' });
});

export type CodeRule = z.infer<typeof codeRuleData>;

export const defaultCodeRule: CodeRule = codeRuleData.parse({});

export const allowedLabels: Record<CodeRule['allowed'], string> = {
  'letters-digits': 'A–Z and 0–9',
  'letters-digits-dash': 'A–Z, 0–9 and -',
  'letters-digits-dash-underscore': 'A–Z, 0–9, - and _',
};

/** A saved rule's data, read leniently: a field a teammate's newer app wrote that this one cannot read falls back to its default. */
export function readCodeRule(data: unknown): CodeRule {
  const parsed = codeRuleData.safeParse(data);
  if (parsed.success) return parsed.data;
  const fallback: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const issue of parsed.error.issues) delete fallback[String(issue.path[0] ?? 'pattern')];
  return codeRuleData.safeParse(fallback).data ?? defaultCodeRule;
}

export function describeDiscount(rule: Pick<CodeRule, 'discountType' | 'discountValue' | 'currency'>): string {
  return rule.discountType === 'percent' ? `${rule.discountValue}% off` : `${new Intl.NumberFormat('en-US', { style: 'currency', currency: rule.currency }).format(rule.discountValue)} off`;
}

import { newId } from '../data/ids';
import { activationModels } from '../data/schemas/campaigns';
import type { StoreOperation } from '../data/store';
import { foldText } from './fold-text';

/**
 * Templates the team owns (issue [14] item 8): a brief, an outreach message
 * or a contract's clause set, saved under a name for some activation models.
 * They are documents of kind "template", so they sync to teammates like any
 * record; `templateFor` says what they make.
 */

export type ActivationModel = (typeof activationModels)[number];

export const BRIEF_TEMPLATE = 'brief';
export const CLAUSE_SET_TEMPLATE = 'contract-clauses';
export const outreachTemplateKinds = ['outreach-email', 'dm', 'follow-up'] as const;

/** What one kind of template is called in messages. */
const nouns: Record<string, string> = {
  [BRIEF_TEMPLATE]: 'brief template', [CLAUSE_SET_TEMPLATE]: 'clause set', 'outreach-email': 'message template', dm: 'message template', 'follow-up': 'message template',
};
export const templateNoun = (templateFor: string) => nouns[templateFor] ?? 'template';

/** A template's own rich text (brief templates): its own Y.Doc, named after the template so every laptop agrees. */
export const templateBodyDocId = (templateId: string) => `template-${templateId}`;

export interface TemplateLike {
  id: string;
  title: string;
  templateFor: string;
  activationModels?: readonly string[];
}

export interface TemplateInput {
  name: string;
  /** Empty: for any activation model. */
  activationModels: readonly string[];
}

export class TemplateInputError extends Error {
  constructor(message: string, readonly field: 'name' | 'activationModels') {
    super(message);
  }
}

/**
 * The name and models as stored, or a TemplateInputError saying which field
 * is wrong and why. Two templates of one kind with one name would be
 * impossible to tell apart in a picker, so a taken name is refused.
 */
export function checkTemplateInput(input: TemplateInput, others: readonly TemplateLike[], templateFor: string, selfId?: string): { name: string; activationModels: ActivationModel[] } {
  const name = input.name.trim();
  if (!name) throw new TemplateInputError(`Give the ${templateNoun(templateFor)} a name your team will recognise, e.g. “Gifting – first post”.`, 'name');
  if (name.length > 200) throw new TemplateInputError(`The name is ${name.length} characters long; keep it to 200.`, 'name');
  const key = foldText(name);
  const taken = others.find((t) => t.id !== selfId && t.templateFor === templateFor && foldText(t.title) === key);
  if (taken) throw new TemplateInputError(`A ${templateNoun(templateFor)} called “${taken.title}” already exists. Choose another name, or open that one and edit it.`, 'name');
  const unknown = input.activationModels.filter((m) => !(activationModels as readonly string[]).includes(m));
  if (unknown.length) throw new TemplateInputError(`Not an activation model: ${unknown.join(', ')}.`, 'activationModels');
  return { name, activationModels: [...new Set(input.activationModels)] as ActivationModel[] };
}

export type TemplateFit = 'match' | 'any' | 'other';

/**
 * Templates in the order a picker offers them for a campaign: those made for
 * one of its activation models first, then those for any model, then the
 * rest (still usable: a team may borrow an ambassador brief for gifting).
 * Without a campaign every template is "any" or "other", by title.
 */
export function rankTemplates<T extends TemplateLike>(templates: readonly T[], campaignModels: readonly string[]): { template: T; fit: TemplateFit }[] {
  const order: Record<TemplateFit, number> = { match: 0, any: 1, other: 2 };
  return templates
    .map((template) => {
      const models = template.activationModels ?? [];
      const fit: TemplateFit = models.length === 0 ? 'any' : models.some((m) => campaignModels.includes(m)) ? 'match' : 'other';
      return { template, fit };
    })
    .sort((a, b) => order[a.fit] - order[b.fit] || a.template.title.localeCompare(b.template.title));
}

export interface BriefLike {
  body: string;
  moodBoard?: readonly string[];
  references?: readonly string[];
}

/**
 * Saving a brief as a brief template: the template record, with the brief's
 * mood board and references. Its text is copied from `copyText.from` into
 * `copyText.to` by the caller (rich text lives in its own Y.Doc).
 */
export function briefTemplateWrites(brief: BriefLike & { bodyDocId: string }, input: TemplateInput, others: readonly TemplateLike[], id = newId()) {
  const checked = checkTemplateInput(input, others, BRIEF_TEMPLATE);
  const bodyDocId = templateBodyDocId(id);
  const operations: StoreOperation[] = [{
    kind: 'create', collection: 'documents', id, input: {
      kind: 'template', templateFor: BRIEF_TEMPLATE, title: checked.name, activationModels: checked.activationModels,
      bodyDocId, body: brief.body, moodBoard: [...(brief.moodBoard ?? [])], references: [...(brief.references ?? [])],
    },
  }];
  return { id, operations, copyText: { from: brief.bodyDocId, to: bodyDocId } };
}

/**
 * A new brief started from a team template: the brief record (linked to the
 * template it came from), and the text to copy into it.
 */
export function briefFromTemplateWrites(template: TemplateLike & BriefLike & { bodyDocId: string | null }, brief: { title: string; campaignId: string | null; bodyDocId: (id: string) => string; mergeValues?: Record<string, string> }, id = newId()) {
  const bodyDocId = brief.bodyDocId(id);
  const operations: StoreOperation[] = [{
    kind: 'create', collection: 'documents', id, input: {
      kind: 'brief', title: brief.title, campaignId: brief.campaignId, templateId: template.id, bodyDocId, mergeValues: brief.mergeValues ?? {},
      body: template.body, moodBoard: [...(template.moodBoard ?? [])], references: [...(template.references ?? [])],
    },
  }];
  return { id, operations, copyText: template.bodyDocId ? { from: template.bodyDocId, to: bodyDocId } : null };
}

export interface MessageLike {
  channel: string;
  subject: string;
  body: string;
}

/** Saving the message being written as a message template for the same channel (email, DM, follow-up). */
export function messageTemplateWrites(message: MessageLike, input: TemplateInput, others: readonly TemplateLike[], id = newId()) {
  if (!(outreachTemplateKinds as readonly string[]).includes(message.channel)) throw new TemplateInputError(`A message template is for an email, a DM or a follow-up, not “${message.channel}”.`, 'name');
  if (!message.body.trim()) throw new TemplateInputError('The message is empty: write it before saving it as a template.', 'name');
  const checked = checkTemplateInput(input, others, message.channel);
  const operations: StoreOperation[] = [{
    kind: 'create', collection: 'documents', id, input: {
      kind: 'template', templateFor: message.channel, title: checked.name, activationModels: checked.activationModels,
      subject: message.channel === 'dm' ? '' : message.subject, body: message.body,
    },
  }];
  return { id, operations };
}

/** The clause ids a clause set keeps, in the merge values (as contracts keep theirs). */
const CLAUSES = 'clauses';

/**
 * Saving the ticked clauses as a clause set. The library's order is kept, so
 * a set reads the same whatever order the boxes were ticked in.
 */
export function clauseSetWrites(clauseIds: readonly string[], libraryIds: readonly string[], input: TemplateInput, others: readonly TemplateLike[], id = newId()) {
  const unknown = clauseIds.filter((c) => !libraryIds.includes(c));
  if (unknown.length) throw new TemplateInputError(`These clauses are not in the clause library: ${unknown.join(', ')}.`, 'name');
  if (!clauseIds.length) throw new TemplateInputError('Tick at least one clause to save a clause set.', 'name');
  const checked = checkTemplateInput(input, others, CLAUSE_SET_TEMPLATE);
  const ordered = libraryIds.filter((c) => clauseIds.includes(c));
  const operations: StoreOperation[] = [{
    kind: 'create', collection: 'documents', id, input: {
      kind: 'template', templateFor: CLAUSE_SET_TEMPLATE, title: checked.name, activationModels: checked.activationModels, mergeValues: { [CLAUSES]: ordered.join(',') },
    },
  }];
  return { id, operations };
}

/** Changing which clauses a clause set holds. */
export function clauseSetUpdate(templateId: string, clauseIds: readonly string[], libraryIds: readonly string[]): StoreOperation {
  const ordered = libraryIds.filter((c) => clauseIds.includes(c));
  return { kind: 'update', collection: 'documents', id: templateId, patch: { mergeValues: { [CLAUSES]: ordered.join(',') } } };
}

/**
 * A clause set's clauses, and those it names that the library no longer
 * has (so the picker can say which were left out, rather than dropping them
 * without a word).
 */
export function readClauseSet(template: { mergeValues?: Record<string, string> }, libraryIds: readonly string[]): { clauseIds: string[]; missing: string[] } {
  const ids = (template.mergeValues?.[CLAUSES] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { clauseIds: ids.filter((c) => libraryIds.includes(c)), missing: ids.filter((c) => !libraryIds.includes(c)) };
}

/** Renaming a template or changing its models: one update, checked like a new one. */
export function templateDetailsUpdate(template: TemplateLike, input: TemplateInput, others: readonly TemplateLike[]): StoreOperation {
  const checked = checkTemplateInput(input, others, template.templateFor, template.id);
  return { kind: 'update', collection: 'documents', id: template.id, patch: { title: checked.name, activationModels: checked.activationModels } };
}

import { describe, expect, it } from 'vitest';
import { documentFields } from '../../../src/shared/data/schemas/documents';
import {
  briefFromTemplateWrites, briefTemplateWrites, checkTemplateInput, clauseSetUpdate, clauseSetWrites, messageTemplateWrites, rankTemplates, readClauseSet,
  templateBodyDocId, templateDetailsUpdate, TemplateInputError,
} from '../../../src/shared/domain/team-templates';

const t = (id: string, title: string, templateFor: string, activationModels: string[] = []) => ({ id, title, templateFor, activationModels });
const library = ['parties', 'fee', 'products', 'exclusivity', 'law'];

describe('team templates', () => {
  it('offers those made for the campaign’s models first, then any-model ones, then the rest', () => {
    const ranked = rankTemplates([
      t('1', 'Ambassador brief', 'brief', ['ambassador']), t('2', 'Any brief', 'brief'), t('3', 'Gifting B', 'brief', ['gifting', 'events']), t('4', 'Gifting A', 'brief', ['gifting']),
    ], ['gifting']);
    expect(ranked.map((r) => [r.template.title, r.fit])).toEqual([['Gifting A', 'match'], ['Gifting B', 'match'], ['Any brief', 'any'], ['Ambassador brief', 'other']]);
  });

  it('refuses an empty name, a name already taken for that kind (any case or accents), and an unknown model, saying which field', () => {
    const others = [t('a', 'Café seeding', 'brief'), t('b', 'Outreach', 'outreach-email')];
    expect(() => checkTemplateInput({ name: '  ', activationModels: [] }, others, 'brief')).toThrow(/name/);
    const taken = (() => { try { checkTemplateInput({ name: 'cafe SEEDING', activationModels: [] }, others, 'brief'); } catch (e) { return e; } })();
    expect(taken).toBeInstanceOf(TemplateInputError);
    expect((taken as TemplateInputError).message).toContain('“Café seeding” already exists');
    expect((taken as TemplateInputError).field).toBe('name');
    // Same name, other kind: fine. Same record renamed to its own name: fine.
    expect(checkTemplateInput({ name: 'Outreach', activationModels: [] }, others, 'brief').name).toBe('Outreach');
    expect(checkTemplateInput({ name: 'Café seeding', activationModels: ['gifting'] }, others, 'brief', 'a').activationModels).toEqual(['gifting']);
    expect(() => checkTemplateInput({ name: 'X', activationModels: ['barter'] }, others, 'brief')).toThrow('Not an activation model: barter.');
  });

  it('saves a brief as a template with its own text document, mood board and references, and a brief made from it gets them back', () => {
    const saved = briefTemplateWrites({ body: 'Summary', bodyDocId: 'brief-b1', moodBoard: ['p1'], references: ['s1'] }, { name: ' Gifting brief ', activationModels: ['gifting'] }, [], 'tpl1');
    expect(saved.copyText).toEqual({ from: 'brief-b1', to: templateBodyDocId('tpl1') });
    const op = saved.operations[0];
    expect(op.kind).toBe('create');
    const record = documentFields.parse(op.kind === 'create' ? op.input : {});
    expect(record).toMatchObject({ kind: 'template', templateFor: 'brief', title: 'Gifting brief', activationModels: ['gifting'], moodBoard: ['p1'], references: ['s1'], bodyDocId: 'template-tpl1' });

    const brief = briefFromTemplateWrites({ id: 'tpl1', ...record }, { title: 'Spring', campaignId: 'c1', bodyDocId: (id) => `brief-${id}` }, 'b2');
    expect(brief.copyText).toEqual({ from: 'template-tpl1', to: 'brief-b2' });
    const created = brief.operations[0];
    expect(created.kind === 'create' && documentFields.parse(created.input)).toMatchObject({ kind: 'brief', templateId: 'tpl1', campaignId: 'c1', moodBoard: ['p1'], references: ['s1'] });
  });

  it('saves the message being written for its channel, and refuses an empty one', () => {
    const { operations } = messageTemplateWrites({ channel: 'dm', subject: 'ignored', body: 'Hi {{first_name}}' }, { name: 'DM', activationModels: [] }, []);
    expect(operations[0].kind === 'create' && operations[0].input).toMatchObject({ templateFor: 'dm', subject: '', body: 'Hi {{first_name}}' });
    expect(() => messageTemplateWrites({ channel: 'outreach-email', subject: 'S', body: ' ' }, { name: 'E', activationModels: [] }, [])).toThrow(/message is empty/);
    expect(() => messageTemplateWrites({ channel: 'brief', subject: '', body: 'x' }, { name: 'E', activationModels: [] }, [])).toThrow(/not “brief”/);
  });

  it('keeps a clause set in the library’s order, names clauses the library no longer has, and refuses unknown or none', () => {
    const { operations } = clauseSetWrites(['law', 'parties', 'exclusivity'], library, { name: 'Exclusive deals', activationModels: ['pay-to-post'] }, [], 'cs');
    const input = operations[0].kind === 'create' ? operations[0].input : {};
    expect(input).toMatchObject({ templateFor: 'contract-clauses', mergeValues: { clauses: 'parties,exclusivity,law' } });
    expect(readClauseSet({ mergeValues: { clauses: 'parties,gone,law' } }, library)).toEqual({ clauseIds: ['parties', 'law'], missing: ['gone'] });
    expect(() => clauseSetWrites(['nope'], library, { name: 'N', activationModels: [] }, [])).toThrow('not in the clause library: nope');
    expect(() => clauseSetWrites([], library, { name: 'N', activationModels: [] }, [])).toThrow(/at least one clause/);
    expect(clauseSetUpdate('cs', ['fee', 'parties'], library)).toEqual({ kind: 'update', collection: 'documents', id: 'cs', patch: { mergeValues: { clauses: 'parties,fee' } } });
  });

  it('renames a template, refusing a name another template of its kind has', () => {
    const mine = t('1', 'Old', 'contract-clauses');
    expect(templateDetailsUpdate(mine, { name: 'New', activationModels: ['events'] }, [mine])).toMatchObject({ patch: { title: 'New', activationModels: ['events'] } });
    expect(() => templateDetailsUpdate(mine, { name: 'taken', activationModels: [] }, [mine, t('2', 'Taken', 'contract-clauses')])).toThrow(/already exists/);
  });
});

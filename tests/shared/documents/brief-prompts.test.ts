import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToJson, type PmNode } from '../../../src/shared/documents/brief';
import { promptLine, promptRefusal, uneditedPrompts } from '../../../src/shared/documents/brief-prompts';
import { readDosAndDonts } from '../../../src/shared/documents/brief-sections';
import { briefSpec } from '../../../src/shared/documents/brief-spec';
import { defaultBrandKit } from '../../../src/shared/documents/model';
import { briefTemplateUpdate, standardBriefSections } from '../../../src/shared/domain/brief-template';

/** The body a brief made from the template has, read as the export reads it. */
function templateBody(facts = {}): PmNode {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, briefTemplateUpdate('body', facts));
  return fragmentToJson(doc.getXmlFragment('body'));
}

const para = (text: string): PmNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const h2 = (text: string): PmNode => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });

describe('template prompts in a brief', () => {
  it('finds every prompt a new brief starts with, each under its section', () => {
    const found = uneditedPrompts(templateBody());
    expect(found).toHaveLength(standardBriefSections.length);
    const references = found.find((f) => f.section === 'Content examples and references')!;
    expect(references.excerpt).toBe('Links to posts we love…');
    expect(promptLine(references)).toBe('Still the template’s prompt: ‘Links to posts we love…’ in Content examples and references');
  });

  it('does not count what the campaign already filled in, or a prompt the team added to', () => {
    const found = uneditedPrompts(templateBody({ keyMessages: ['Glow that lasts all day'], startsOn: '2026-03-01', endsOn: '2026-03-31' }));
    expect(found.map((f) => f.section)).not.toContain('Overview');
    expect(found.map((f) => f.section)).not.toContain('Key dates');
    const body: PmNode = { type: 'doc', content: [h2('Overview'), para(`${standardBriefSections[0].prompt} We chose you for your morning routines.`)] };
    expect(uneditedPrompts(body)).toEqual([]);
  });

  it('still sees a prompt typed with straight quotes and extra spaces', () => {
    const dos = standardBriefSections.find((s) => s.heading.startsWith('Do'))!.prompt.replace(/’/g, "'").replace(/ /g, '  ');
    expect(uneditedPrompts({ type: 'doc', content: [h2('Rules'), { type: 'bulletList', content: [{ type: 'listItem', content: [para(dos)] }] }] })).toHaveLength(1);
  });

  it('refuses to lay out a brief that still has prompts, naming each of them', () => {
    const source = { title: 'Spring glow', campaignName: null, statusLabel: 'Draft', updatedOn: 'today', body: templateBody() };
    expect(() => briefSpec(source, defaultBrandKit)).toThrow(/still has 11 of the template’s prompts.*‘Links to posts we love…’ in Content examples and references/);
    expect(promptRefusal(uneditedPrompts(source.body)).match(/Still the template’s prompt/g)).toHaveLength(11);
  });
});

describe('do’s and don’ts', () => {
  it('reads one paragraph with both markers as two lists, a sentence each', () => {
    expect(readDosAndDonts([para('Do: show the product in use. Speak in your own words. Don’t: mention competitors; make medical claims.')])).toEqual({
      dos: ['show the product in use.', 'Speak in your own words.'], donts: ['mention competitors', 'make medical claims.'], intro: [],
    });
  });

  it('reads a "Do:" line followed by a list, then a "Don\'t:" line and its list, keeping the words before them', () => {
    const list = (...items: string[]): PmNode => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [para(i)] })) });
    const read = readDosAndDonts([para('Keep it light.'), para('Do:'), list('Film in daylight', 'Tag @lumen'), para("Don't:"), list('Use filters, stickers or music with lyrics')])!;
    expect(read.dos).toEqual(['Film in daylight', 'Tag @lumen']);
    expect(read.donts).toEqual(['Use filters, stickers or music with lyrics']);
    expect(read.intro).toHaveLength(1);
  });

  it('leaves a section without markers as written', () => {
    expect(readDosAndDonts([para('Be yourself, and show the product in daylight.')])).toBeNull();
  });
});

import * as Y from 'yjs';

/**
 * The sections of a creator brief (PRODUCT.md job 9), each with the prompt
 * a new brief starts from. A brief made from the template opens with these
 * as headings, so nobody starts from a blank page or forgets the disclosure.
 */
export interface BriefSection {
  heading: string;
  /**
   * What the section asks for, written into a new brief as its text. The one
   * place the prompts live: export refuses a brief whose text still equals
   * one of them (documents/brief-prompts.ts), so a prompt never reaches a creator.
   */
  prompt: string;
}

export const standardBriefSections: readonly BriefSection[] = [
  { heading: 'Overview', prompt: 'What we are launching or celebrating, and why we chose you.' },
  { heading: 'Target audience', prompt: 'Who we want to reach: age, place, interests, what they care about.' },
  { heading: 'Brand visuals and tone', prompt: 'Colours, settings, mood; how we sound (warm, playful, expert…).' },
  { heading: 'Content examples and references', prompt: 'Links to posts we love, from you or others, and what we like about each.' },
  { heading: 'Do’s and don’ts', prompt: 'Do: show the product in use, speak in your own words. Don’t: mention competitors, make medical claims.' },
  { heading: 'Mandatory elements', prompt: 'The product on screen in the first 3 seconds; the call to action; #ad or the paid-partnership label; our handle tagged.' },
  { heading: 'Deliverables and formats', prompt: 'What to post, where, in which format and length (e.g. 1 Reel 30–45 s + 3 Stories with a link sticker).' },
  { heading: 'KPIs', prompt: 'What success looks like: reach, saves, clicks, code uses.' },
  { heading: 'Reporting requirements', prompt: 'Screenshots of insights 7 days after posting: reach, impressions, saves, link clicks.' },
  { heading: 'Review process', prompt: 'Send drafts before posting; we reply within 2 working days with one round of feedback.' },
  { heading: 'Key dates', prompt: 'Draft due, posting window, reporting due.' },
];

export interface BriefFacts {
  campaignName?: string;
  keyMessages?: readonly string[];
  startsOn?: string | null;
  endsOn?: string | null;
}

/**
 * The rich-text update that writes the template into an empty brief: a
 * heading per section, then the prompt (or what the campaign already says:
 * its key messages, its dates) as paragraphs and bullet lists in the shape
 * TipTap reads.
 */
export function briefTemplateUpdate(field: string, facts: BriefFacts = {}, sections: readonly BriefSection[] = standardBriefSections): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(field);
  const blocks: Y.XmlElement[] = [];
  for (const section of sections) {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText(section.heading)]);
    blocks.push(heading);
    const facts_ = factsFor(section.heading, facts);
    blocks.push(facts_.length ? bulletList(facts_) : paragraph(section.prompt));
  }
  fragment.insert(0, blocks);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * The campaign's dates as the template writes them. The PDF shows the
 * campaign's dates in its key dates table, so it recognises these lines and
 * leaves them out rather than printing each date twice.
 */
export const templateDateLine = /^Campaign (?:starts|ends): \d{4}-\d{2}-\d{2}$/;

function factsFor(heading: string, facts: BriefFacts): string[] {
  if (heading === 'Overview' && facts.keyMessages?.length) return facts.keyMessages.filter((m) => m.trim());
  if (heading === 'Key dates' && (facts.startsOn || facts.endsOn)) {
    return [facts.startsOn && `Campaign starts: ${facts.startsOn}`, facts.endsOn && `Campaign ends: ${facts.endsOn}`].filter((l): l is string => !!l);
  }
  return [];
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

function bulletList(items: string[]): Y.XmlElement {
  const list = new Y.XmlElement('bulletList');
  list.insert(0, items.map((item) => {
    const li = new Y.XmlElement('listItem');
    li.insert(0, [paragraph(item)]);
    return li;
  }));
  return list;
}

/** "Ambassadors — December 2026": the title of a program's brief for a month ("2026-12"). */
export function monthlyBriefTitle(programName: string, month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${programName} — ${new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`;
}

/**
 * The month of a program's next brief ("YYYY-MM"): the one after the latest
 * version's, and never a month already past, so a new version is always
 * for a month nobody has written yet.
 */
export function nextBriefMonth(latestMonth: string | null, now: Date): string {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  let next = current;
  if (latestMonth && /^\d{4}-\d{2}$/.test(latestMonth)) {
    const [year, m] = latestMonth.split('-').map(Number);
    next = Math.max(current, year * 12 + (m - 1) + 1);
  }
  return `${Math.floor(next / 12)}-${String((next % 12) + 1).padStart(2, '0')}`;
}

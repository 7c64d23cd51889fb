import { standardBriefSections } from '../domain/brief-template';
import type { PmNode } from './brief';

/** A template prompt still in a brief's text: where it is and how it starts. */
export interface UneditedPrompt {
  /** The heading above it ("Content examples and references"), or '' before the first heading. */
  section: string;
  prompt: string;
  /** Its first words, to name it in a sentence: "Links to posts we love…". */
  excerpt: string;
}

// Typing may swap curly and straight quotes or leave double spaces; that is still the prompt.
const fold = (text: string) => text.normalize('NFC').replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

const prompts = new Map(standardBriefSections.map((s) => [fold(s.prompt), s.prompt]));

function plainText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
}

/** "Links to posts we love…": the first five words, without the punctuation after them. */
export function promptExcerpt(prompt: string): string {
  const words = prompt.split(/\s+/);
  if (words.length <= 5) return prompt;
  return `${words.slice(0, 5).join(' ').replace(/[,;:.]+$/, '')}…`;
}

/**
 * Every paragraph (also inside lists and quotes) whose text is still exactly
 * one of the template's prompts, in the order they appear. A paragraph the
 * team has added to or rewritten is theirs, so only an equal text counts.
 */
export function uneditedPrompts(body: PmNode | null | undefined): UneditedPrompt[] {
  const found: UneditedPrompt[] = [];
  let section = '';
  const visit = (node: PmNode) => {
    if (node.type === 'heading') {
      section = plainText(node).trim();
      return;
    }
    if (node.type === 'paragraph' || node.type === 'codeBlock') {
      const prompt = prompts.get(fold(plainText(node)));
      if (prompt) found.push({ section, prompt, excerpt: promptExcerpt(prompt) });
      return;
    }
    for (const child of node.content ?? []) visit(child);
  };
  for (const node of body?.content ?? []) visit(node);
  return found;
}

/** One line per prompt, as the export shows them: "Still the template’s prompt: ‘Links to posts we love…’ in Content examples and references". */
export function promptLine(p: UneditedPrompt): string {
  return `Still the template’s prompt: ‘${p.excerpt}’${p.section ? ` in ${p.section}` : ''}`;
}

/** Why an export is refused, with every prompt left, so nobody has to hunt for them. */
export function promptRefusal(found: readonly UneditedPrompt[]): string {
  const count = found.length === 1 ? 'one of the template’s prompts' : `${found.length} of the template’s prompts`;
  return `This brief still has ${count}; write your own words in their place before exporting. ${found.map(promptLine).join('; ')}.`;
}

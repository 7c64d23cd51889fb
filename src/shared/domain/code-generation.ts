import type { CodeRule } from './code-rules';
import { codeLetters } from './code-letters';

/**
 * Discount codes from a rule, one per creator, unique against every code the
 * workspace has ever issued (revoked ones too: a leaked code may still be
 * live somewhere) and the codes already live in the store, pasted in by the
 * user. Shop codes are not case-sensitive (Shopify: "The code is not
 * case-sensitive", matrixify.app/documentation/discounts/), so neither is
 * the comparison. Two Pauls asking for PAUL15: the second is offered PAULS15
 * (last initial), then the full name, then a letter, never a silent clash.
 */
export interface CodeCreator {
  id: string;
  name: string;
  handle: string;
}

export interface GeneratedCode {
  creatorId: string;
  creatorName: string;
  /** The code to issue, or '' when none could be made (see `problem`). */
  code: string;
  /** The code the rule would give before any clash; equal to `code` when there was none. */
  wanted: string;
  /** What the wanted code clashed with. */
  clash: 'workspace' | 'store' | 'selection' | null;
  /** Other free codes the user may pick instead. */
  alternatives: string[];
  problem: string | null;
}

/** Letters a code can carry, from a name in any script (see code-letters.ts); kept under this name for existing callers. */
export function foldForCode(text: string): string {
  return codeLetters(text);
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

function allowedPattern(rule: Pick<CodeRule, 'allowed'>): RegExp {
  return rule.allowed === 'letters-digits' ? /[^A-Za-z0-9]/g : rule.allowed === 'letters-digits-dash' ? /[^A-Za-z0-9-]/g : /[^A-Za-z0-9_-]/g;
}

function applyCase(text: string, rule: Pick<CodeRule, 'letterCase'>): string {
  return rule.letterCase === 'lower' ? text.toLowerCase() : text.toUpperCase();
}

function nameParts(name: string): { first: string; last: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return { first: parts[0] ?? '', last: parts.length > 1 ? parts[parts.length - 1] : '' };
}

function discountText(rule: Pick<CodeRule, 'discountValue'>): string {
  return Number.isInteger(rule.discountValue) ? String(rule.discountValue) : String(rule.discountValue).replace('.', '');
}

interface Rendered {
  /** The creator-specific part, which shortening and alternatives change. */
  personal: string;
  before: string;
  after: string;
}

/**
 * The pattern split around its personal part: "{HANDLE}{DISCOUNT}" → "" +
 * HANDLE + "15". Only the personal part is shortened to fit the maximum
 * length, so the discount a code promises is never cut off.
 */
function render(rule: CodeRule, creator: CodeCreator, context: { campaign: string; year: number }, personalOverride?: string): Rendered | null {
  const { first, last } = nameParts(creator.name);
  const values: Record<string, string> = {
    HANDLE: foldForCode(creator.handle.replace(/^@/, '')) || foldForCode(creator.name),
    FIRSTNAME: foldForCode(first), LASTNAME: foldForCode(last), NAME: foldForCode(`${first}${last}`),
    DISCOUNT: discountText(rule), CAMPAIGN: foldForCode(context.campaign), YEAR: String(context.year),
  };
  const personalTokens = new Set(['HANDLE', 'FIRSTNAME', 'LASTNAME', 'NAME']);
  const pieces = rule.pattern.split(/(\{[^{}]*\})/).filter(Boolean).map((piece) => {
    const token = piece.startsWith('{') ? piece.slice(1, -1).trim().toUpperCase() : null;
    return { personal: token !== null && personalTokens.has(token), text: token ? values[token] ?? '' : piece };
  });
  const firstPersonal = pieces.findIndex((p) => p.personal);
  if (firstPersonal < 0) return null;
  const lastPersonal = pieces.length - 1 - [...pieces].reverse().findIndex((p) => p.personal);
  // Several personal parts ({FIRSTNAME}{LASTNAME}) count as one, with whatever literal text sits between them.
  const join = (from: number, to: number) => pieces.slice(from, to).map((p) => p.text).join('');
  const strip = allowedPattern(rule);
  const clean = (text: string) => applyCase(text, rule).replace(strip, '');
  const personal = clean(personalOverride ?? join(firstPersonal, lastPersonal + 1));
  if (!personal) return null;
  return { personal, before: clean(join(0, firstPersonal)), after: clean(join(lastPersonal + 1, pieces.length)) };
}

/**
 * The code with its personal part shortened to fit. A digit of the personal
 * part touching the discount's digits would change the number a customer
 * reads (handle anna2 + 15 = ANNA215, "215% off?"), so those digits are left
 * out of the code: ANNA15, and the clash rules find another if it is taken.
 */
function fitted(r: Rendered, maxLength: number): { code: string } | { problem: 'no-room' | 'only-digits' } {
  const room = maxLength - r.before.length - r.after.length;
  if (room < 2) return { problem: 'no-room' };
  let personal = r.personal.slice(0, room);
  if (/^\d/.test(r.after)) personal = personal.replace(/\d+$/, '');
  if (/\d$/.test(r.before)) personal = personal.replace(/^\d+/, '');
  if (!personal) return { problem: 'only-digits' };
  return { code: r.before + personal + r.after };
}

function fit(r: Rendered, maxLength: number): string | null {
  const out = fitted(r, maxLength);
  return 'code' in out ? out.code : null;
}

/** The code a rule gives a creator, before any clash is considered; null with a reason when it cannot make one. */
export function codeFor(rule: CodeRule, creator: CodeCreator, context: { campaign: string; year: number }): { code: string } | { problem: string } {
  const r = render(rule, creator, context);
  if (!r) return { problem: `${creator.name} has no handle or name the pattern can use (only letters and digits count)` };
  const out = fitted(r, rule.maxLength);
  if ('code' in out) return out;
  if (out.problem === 'only-digits') return { problem: `${creator.name}'s handle or name is only digits, which would run into the discount's number (${r.before}${r.personal}${r.after}); use {FIRSTNAME} or put a letter or dash between them in the pattern` };
  return { problem: `The pattern's fixed parts leave no room for a name within ${rule.maxLength} characters` };
}

/** Candidates after the wanted code, best first: last initial, full name, handle plus name, then a letter, then a digit. */
function candidates(rule: CodeRule, creator: CodeCreator, context: { campaign: string; year: number }): string[] {
  const base = render(rule, creator, context);
  if (!base) return [];
  const { first, last } = nameParts(creator.name);
  const out: string[] = [];
  const push = (personal: string) => {
    const r = render(rule, creator, context, personal);
    const code = r && fit(r, rule.maxLength);
    if (code) out.push(code);
  };
  const lastInitial = foldForCode(last).slice(0, 1);
  // Shortening keeps the start of the personal part, so a suffix must be kept inside the room left.
  const room = rule.maxLength - base.before.length - base.after.length;
  const withSuffix = (suffix: string) => base.personal.slice(0, Math.max(2, room - suffix.length)) + suffix;
  if (lastInitial) push(withSuffix(applyCase(lastInitial, rule)));
  if (first && last) push(foldForCode(first + last));
  if (creator.handle && first) push(foldForCode(creator.handle) + foldForCode(first).slice(0, 1));
  for (const letter of 'XYZABC') push(withSuffix(applyCase(letter, rule)));
  // A digit right before a digit (PAUL2 + 15 = PAUL215) misreads as a bigger discount, so digits are last and only when the next part is not a number.
  if (!/^\d/.test(base.after)) for (let d = 2; d <= 9; d++) push(withSuffix(String(d)));
  return out;
}

export interface GenerateInput {
  rule: CodeRule;
  creators: readonly CodeCreator[];
  /** Every code the workspace has issued, active or revoked. */
  workspaceCodes: readonly string[];
  /** Codes already live in the store (pasted by the user). */
  storeCodes: readonly string[];
  campaign: string;
  year: number;
}

export function generateCodes(input: GenerateInput): GeneratedCode[] {
  const workspace = new Set(input.workspaceCodes.map(normalizeCode));
  const store = new Set(input.storeCodes.map(normalizeCode).filter(Boolean));
  const selection = new Set<string>();
  const context = { campaign: input.campaign, year: input.year };
  const clashOf = (code: string): GeneratedCode['clash'] =>
    workspace.has(normalizeCode(code)) ? 'workspace' : store.has(normalizeCode(code)) ? 'store' : selection.has(normalizeCode(code)) ? 'selection' : null;

  return input.creators.map((creator) => {
    const wanted = codeFor(input.rule, creator, context);
    if ('problem' in wanted) return { creatorId: creator.id, creatorName: creator.name, code: '', wanted: '', clash: null, alternatives: [], problem: wanted.problem };
    const free = [...new Set([wanted.code, ...candidates(input.rule, creator, context)])].filter((c) => !clashOf(c));
    const clash = clashOf(wanted.code);
    const code = free[0] ?? '';
    if (code) selection.add(normalizeCode(code));
    return {
      creatorId: creator.id, creatorName: creator.name, code, wanted: wanted.code, clash,
      alternatives: free.slice(1, 4),
      problem: code ? null : `${wanted.code} and every alternative are taken; raise the maximum length or change the pattern`,
    };
  });
}

/** Whether a code typed by hand fits the rule's characters and length, and is free; null when it does. */
export function checkCustomCode(code: string, rule: Pick<CodeRule, 'allowed' | 'maxLength'>, taken: ReadonlySet<string>): string | null {
  const trimmed = code.trim();
  if (!trimmed) return 'Write a code';
  if (trimmed.length > rule.maxLength) return `Keep it to ${rule.maxLength} characters`;
  const bad = trimmed.match(allowedPattern(rule));
  if (bad) return `“${[...new Set(bad)].join('')}” is not allowed in codes of this rule`;
  if (taken.has(normalizeCode(trimmed))) return `${normalizeCode(trimmed)} is already taken`;
  return null;
}

export interface CodeLink {
  id: string;
  code: string;
  status: 'active' | 'revoked';
  replacesId: string | null;
}

/** A code and every code it replaced, newest first: the reissue history of one creator's code. */
export function codeLineage<T extends CodeLink>(codes: readonly T[], id: string): T[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const chain: T[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    chain.push(current);
    seen.add(current.id);
    current = current.replacesId ? byId.get(current.replacesId) : undefined;
  }
  return chain;
}

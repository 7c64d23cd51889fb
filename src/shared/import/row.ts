import { creatorFields, platformLabels, type CreatorFields, type Platform } from '../data/schemas/creators';
import { emailAddress } from '../domain/fields';
import { looksLikeUrl, parsePlatform, platformFromUrl, readAccountValue } from './accounts';
import { accountOf, type FieldKey } from './fields';
import { parseCount, parseRate } from './numbers';
import { countryCode, languageCode } from './places';
import { isBlank } from './table';
import type { Cell, ImportSettings, RowProblem } from './types';

/** The columns feeding each field, worked out once per import. */
export interface RowContext {
  headers: string[];
  settings: ImportSettings;
  columns: Map<FieldKey, number[]>;
  /** Account groups present in the mapping: the main account, then one per platform column. */
  groups: ('account' | Platform)[];
}

export function rowContext(headers: string[], settings: ImportSettings): RowContext {
  const columns = new Map<FieldKey, number[]>();
  settings.mapping.forEach((key, i) => {
    if (key !== 'ignore') columns.set(key, [...(columns.get(key) ?? []), i]);
  });
  const groups: ('account' | Platform)[] = [];
  for (const key of columns.keys()) {
    const account = accountOf(key)?.account;
    if (account && !groups.includes(account)) groups.push(account);
  }
  groups.sort((a, b) => (a === 'account' ? -1 : b === 'account' ? 1 : 0));
  return { headers, settings, columns, groups };
}

export interface ReadRow {
  /** The creator as Fanfare stores it; null when the row has problems. */
  fields: CreatorFields | null;
  label: string;
  /** The name was made up from a handle or email: it must never replace a real one. */
  derivedName: boolean;
  problems: RowProblem[];
  notes: string[];
  /** What the person should check: a value kept as written because Fanfare does not know it. */
  warnings: string[];
  /** Handles whose platform nothing in the row tells (no link, no Platform column, none chosen): the plan may place them by the creator they match. */
  unplaced: UnplacedAccount[];
}

export interface UnplacedAccount {
  column: string;
  value: string;
  handle: string;
  followers: number | null;
  avgViews: number | null;
  engagementRate: number | null;
}

interface AccountDraft {
  platform: Platform;
  handle: string;
  url: string;
  followers: number | null;
  avgViews: number | null;
  engagementRate: number | null;
}

const SPLIT_LIST = /\s*[,;|\n]\s*/;

/**
 * One row of the file as a creator, or the reasons it cannot be one. Every
 * reason names the column and the value it held; schema errors (too long, not
 * a web address) are traced back to the column that fed the field.
 */
export function readRow(cells: Cell[], ctx: RowContext): ReadRow {
  const problems: RowProblem[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  // An unrecognised language or country never costs the row: it is kept in the notes as written, and the report says so.
  const asWritten: string[] = [];
  /** Where each stored field came from, for schema errors: path → column and value. */
  const sources = new Map<string, { column: string; value: string }>();
  const header = (i: number) => ctx.headers[i];
  const textAt = (i: number) => (typeof cells[i] === 'number' ? String(cells[i]) : String(cells[i] ?? '').trim());
  const filled = (key: FieldKey) => (ctx.columns.get(key) ?? []).filter((i) => !isBlank(cells[i]));
  const first = (key: FieldKey, path?: string): string => {
    const i = filled(key)[0];
    if (i === undefined) return '';
    if (path) sources.set(path, { column: header(i), value: textAt(i) });
    return textAt(i).replace(/\s+/g, ' ');
  };
  const problem = (i: number, reason: string, value = textAt(i)) => problems.push({ column: header(i), value, reason });

  const input: Record<string, unknown> = {};

  // Name: first and last name when the file has them, else the full-name column.
  const firstName = first('firstName', 'name');
  const lastName = first('lastName', 'name');
  let name = [firstName, lastName].filter(Boolean).join(' ');
  if (!name) name = first('name', 'name');

  // Emails: the first one of the Email column(s) is the primary.
  const emails: string[] = [];
  for (const key of ['email', 'otherEmails'] as FieldKey[]) {
    for (const i of filled(key)) {
      for (const part of textAt(i).split(/[\s,;]+/).filter(Boolean)) {
        const candidate = part.replace(/^mailto:/i, '').replace(/^<|>$/g, '');
        const parsed = emailAddress.safeParse(candidate);
        if (!parsed.success) problem(i, `“${candidate}” is not an email address.`, candidate);
        else if (!emails.includes(parsed.data)) {
          sources.set(`emails.${emails.length}`, { column: header(i), value: candidate });
          emails.push(parsed.data);
        }
      }
    }
  }
  if (emails.length) input.emails = emails.map((address, index) => ({ address, primary: index === 0 }));

  const phoneColumn = filled('phone')[0];
  if (phoneColumn !== undefined) {
    const raw = cells[phoneColumn];
    const phone = textAt(phoneColumn);
    if (typeof raw === 'string' && /^\d+([.,]\d+)?e\+?\d+$/i.test(phone)) {
      problem(phoneColumn, `Excel turned this phone number into a number in scientific notation (${phone}), and its last digits are lost. Format the column as Text in Excel, type the number again and save.`);
    } else {
      if (typeof raw === 'number') notes.push(`Phone ${phone} was stored as a number in the spreadsheet: a leading + or 0 may be missing.`);
      sources.set('phone', { column: header(phoneColumn), value: phone });
      input.phone = phone;
    }
  }

  const unplaced: UnplacedAccount[] = [];
  const accounts = readAccounts(cells, ctx, textAt, problem, sources, notes, unplaced);
  if (accounts.length) input.accounts = accounts;

  readPlaces(input, ctx, filled, textAt, sources, (i) => {
    const line = `${header(i)} as written in the import: ${textAt(i)}`;
    if (!asWritten.includes(line)) asWritten.push(line);
    warnings.push(`${header(i)}: “${textAt(i)}” is not a country Fanfare knows, so it is kept in the notes as written. Its name in English or its own language (Czechia, Česko) or its two-letter code (CZ) makes it a country.`);
  });

  const languages: string[] = [];
  const unknownLanguages: string[] = [];
  for (const i of filled('languages')) {
    for (const part of textAt(i).split(/\s*[,;/|]\s*/).filter(Boolean)) {
      const code = languageCode(part);
      if (!code) {
        if (!unknownLanguages.includes(part)) unknownLanguages.push(part);
        warnings.push(`${header(i)}: “${part}” is not a language Fanfare knows, so it is kept in the notes as written. Its name (Czech, čeština) or code (cs) makes it a language.`);
      } else if (!languages.includes(code)) languages.push(code);
    }
  }
  if (languages.length) input.languages = languages;
  if (unknownLanguages.length) asWritten.push(`Languages as written in the import: ${unknownLanguages.join(', ')}`);

  for (const key of ['niches', 'tags'] as const) {
    const list: string[] = [];
    for (const i of filled(key)) {
      for (const part of textAt(i).split(SPLIT_LIST).filter(Boolean)) {
        if (!list.some((t) => t.toLowerCase() === part.toLowerCase())) {
          sources.set(`${key}.${list.length}`, { column: header(i), value: part });
          list.push(part);
        }
      }
    }
    if (list.length) input[key] = list;
  }

  const noteLines = filled('notes').map((i) => textAt(i));
  for (const i of filled('appendToNotes')) noteLines.push(`${header(i)}: ${textAt(i)}`);
  noteLines.push(...asWritten);
  if (noteLines.length) {
    const i = filled('notes')[0] ?? filled('appendToNotes')[0];
    if (i !== undefined) sources.set('notes', { column: header(i), value: noteLines.join(' / ') });
    input.notes = noteLines.join('\n');
  }

  const manager = { name: first('manager.name', 'manager.name'), agency: first('manager.agency', 'manager.agency'), email: first('manager.email', 'manager.email').toLowerCase(), phone: first('manager.phone', 'manager.phone') };
  if (manager.name || manager.agency || manager.email || manager.phone) input.manager = manager;

  // Who is this? A row with no name is named after its handle or email, and the report says so.
  const derivedName = !name;
  if (!name) {
    const account = accounts[0] ?? unplaced[0];
    if (account) {
      name = `@${account.handle}`;
      notes.push(`No name in the file: listed as ${name}.`);
    } else if (emails[0]) {
      name = emails[0];
      notes.push(`No name in the file: listed as ${name}.`);
    }
  }
  if (!name) {
    if (!problems.length) problems.push({ column: '—', value: '', reason: 'This row has no name, handle, profile link or email, so there is nothing that says who it is.' });
  } else {
    input.name = name;
    if (input.shippingAddress) (input.shippingAddress as { name: string }).name = name;
  }

  if (problems.length) return { fields: null, label: name || '—', derivedName, problems, notes, warnings, unplaced };
  const parsed = creatorFields.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      let source: { column: string; value: string } | undefined;
      for (let n = path.length; n > 0 && !source; n--) source = sources.get(path.slice(0, n).join('.'));
      const column = source?.column ?? path.join('.');
      if (!problems.some((p) => p.column === column && p.reason === issue.message)) problems.push({ column, value: source?.value ?? '', reason: issue.message });
    }
    return { fields: null, label: name, derivedName, problems, notes, warnings, unplaced };
  }
  return { fields: parsed.data, label: name, derivedName, problems, notes, warnings, unplaced };
}

function readAccounts(
  cells: Cell[], ctx: RowContext, textAt: (i: number) => string,
  problem: (i: number, reason: string, value?: string) => void,
  sources: Map<string, { column: string; value: string }>,
  notes: string[],
  unplaced: UnplacedAccount[],
): AccountDraft[] {
  const out: AccountDraft[] = [];
  const col = (group: 'account' | Platform, stat: string) => (ctx.columns.get(`${group}.${stat}` as FieldKey) ?? []).find((i) => !isBlank(cells[i]));
  for (const group of ctx.groups) {
    const handleAt = col(group, 'handle');
    const urlAt = group === 'account' ? col(group, 'url') : undefined;
    const statColumns = (['followers', 'avgViews', 'engagementRate'] as const).map((stat) => [stat, col(group, stat)] as const);
    if (handleAt === undefined && urlAt === undefined) {
      for (const [stat, at] of statColumns) {
        if (at !== undefined) problem(at, `There is ${stat === 'followers' ? 'a follower count' : stat === 'avgViews' ? 'a view count' : 'an engagement rate'} but no handle or profile link${group === 'account' ? '' : ` for ${platformLabels[group]}`}, so Fanfare cannot tell whose it is.`);
      }
      continue;
    }
    let expected: Platform | null = group === 'account' ? null : group;
    if (group === 'account') {
      const platformAt = col('account', 'platform');
      if (platformAt !== undefined) {
        expected = parsePlatform(textAt(platformAt));
        if (!expected) {
          problem(platformAt, `“${textAt(platformAt)}” is not a platform Fanfare knows. Use Instagram, TikTok, YouTube, Twitch, Pinterest, X, LinkedIn, Snapchat or Blog.`);
          continue;
        }
      }
    }
    const fromHandle = handleAt !== undefined ? readAccountValue(textAt(handleAt), expected) : null;
    const fromUrl = urlAt !== undefined ? readAccountValue(textAt(urlAt), expected) : null;
    if (fromHandle && !fromHandle.ok) problem(handleAt!, fromHandle.reason);
    if (fromUrl && !fromUrl.ok) problem(urlAt!, fromUrl.reason);
    if ((fromHandle && !fromHandle.ok) || (fromUrl && !fromUrl.ok)) continue;
    const handleValue = fromHandle?.ok ? fromHandle : null;
    const urlValue = fromUrl?.ok ? fromUrl : null;
    if (handleValue && urlValue && handleValue.handle !== urlValue.handle && urlValue.platform !== 'blog') {
      problem(urlAt!, `The handle “${textAt(handleAt!)}” and this profile link name different accounts.`);
      continue;
    }
    const platform = expected ?? urlValue?.platform ?? handleValue?.platform ?? (looksLikeUrl(textAt(handleAt ?? urlAt!)) ? platformFromUrl(textAt(handleAt ?? urlAt!)) : null) ?? ctx.settings.defaultPlatform;
    const at = handleAt ?? urlAt!;
    const draft: Omit<AccountDraft, 'platform'> & { platform: Platform | null } = {
      platform,
      handle: (handleValue ?? urlValue)!.handle,
      url: urlValue?.url || handleValue?.url || '',
      followers: null, avgViews: null, engagementRate: null,
    };
    let bad = false;
    for (const [stat, statAt] of statColumns) {
      if (statAt === undefined) continue;
      const result = stat === 'engagementRate'
        ? parseRate(cells[statAt], ctx.settings.rateScale)
        : parseCount(cells[statAt], stat === 'followers' ? 'Followers' : 'Average views');
      if (!result.ok) {
        problem(statAt, result.reason);
        bad = true;
      } else {
        draft[stat] = result.value;
        if (result.note) notes.push(result.note);
      }
    }
    if (bad) continue;
    if (!draft.platform) {
      unplaced.push({ column: ctx.headers[at], value: textAt(at), handle: draft.handle, followers: draft.followers, avgViews: draft.avgViews, engagementRate: draft.engagementRate });
      continue;
    }
    const same = out.find((a) => a.platform === draft.platform && a.handle === draft.handle);
    if (same) {
      same.url ||= draft.url;
      same.followers ??= draft.followers;
      same.avgViews ??= draft.avgViews;
      same.engagementRate ??= draft.engagementRate;
      continue;
    }
    const index = out.length;
    sources.set(`accounts.${index}`, { column: ctx.headers[at], value: textAt(at) });
    if (urlAt !== undefined) sources.set(`accounts.${index}.url`, { column: ctx.headers[urlAt], value: textAt(urlAt) });
    for (const [stat, statAt] of statColumns) if (statAt !== undefined) sources.set(`accounts.${index}.${stat}`, { column: ctx.headers[statAt], value: textAt(statAt) });
    out.push({ ...draft, platform: draft.platform });
  }
  return out;
}

function readPlaces(
  input: Record<string, unknown>, ctx: RowContext,
  filled: (key: FieldKey) => number[], textAt: (i: number) => string,
  sources: Map<string, { column: string; value: string }>,
  unknownCountry: (i: number) => void,
): void {
  const country = (i: number): string | null => {
    const code = countryCode(textAt(i));
    if (!code) unknownCountry(i);
    return code;
  };
  const location = { country: '', region: '', city: '' };
  const free = filled('location')[0];
  if (free !== undefined) {
    // "Berlin, Germany" or "Austin, TX, United States": the last part is the country when it is one.
    const parts = textAt(free).split(/\s*,\s*/).filter(Boolean);
    const last = parts.length ? countryCode(parts[parts.length - 1]) : null;
    if (last) {
      location.country = last;
      parts.pop();
    }
    location.city = parts[0] ?? '';
    location.region = parts.slice(1).join(', ');
    sources.set('location', { column: ctx.headers[free], value: textAt(free) });
  }
  const countryAt = filled('location.country')[0];
  if (countryAt !== undefined) {
    location.country = country(countryAt) ?? '';
    sources.set('location.country', { column: ctx.headers[countryAt], value: textAt(countryAt) });
  }
  for (const part of ['region', 'city'] as const) {
    const at = filled(`location.${part}`)[0];
    if (at !== undefined) {
      location[part] = textAt(at);
      sources.set(`location.${part}`, { column: ctx.headers[at], value: textAt(at) });
    }
  }

  const address = { name: '', line1: '', line2: '', city: '', region: '', postalCode: '', country: '' };
  let hasAddress = false;
  for (const part of ['line1', 'line2', 'city', 'region', 'postalCode'] as const) {
    const at = filled(`address.${part}`)[0];
    if (at === undefined) continue;
    address[part] = textAt(at);
    hasAddress = true;
    sources.set(`shippingAddress.${part}`, { column: ctx.headers[at], value: textAt(at) });
  }
  const addressCountryAt = filled('address.country')[0];
  if (addressCountryAt !== undefined) {
    address.country = country(addressCountryAt) ?? '';
    hasAddress = true;
    sources.set('shippingAddress.country', { column: ctx.headers[addressCountryAt], value: textAt(addressCountryAt) });
  }
  if (hasAddress) {
    input.shippingAddress = address;
    // Where someone ships to is where they live, unless the file says otherwise.
    location.country ||= address.country;
    location.city ||= address.city;
    location.region ||= address.region;
  }
  if (location.country || location.region || location.city) input.location = location;
}

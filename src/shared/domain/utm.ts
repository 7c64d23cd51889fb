import { foldText } from './fold-text';
/**
 * Tracked links. Analytics tools treat "Instagram" and "instagram" as two
 * sources and "spring glow" as a broken value, so every UTM value follows one
 * naming rule: lowercase, accents folded, words joined by hyphens, nothing
 * but a–z, 0–9, "-", "_" and ".". The builder says what it changed and why;
 * it never silently sends a link somewhere else.
 */
export const utmFields = ['source', 'medium', 'campaign', 'content', 'term'] as const;
export type UtmField = (typeof utmFields)[number];
export type Utm = Record<UtmField, string>;

export const utmLabels: Record<UtmField, string> = {
  source: 'Source (utm_source)', medium: 'Medium (utm_medium)', campaign: 'Campaign (utm_campaign)', content: 'Content (utm_content)', term: 'Term (utm_term)',
};

/** Which fields a link needs: source, medium and campaign (Google Analytics reports by these three). */
export const requiredUtm: readonly UtmField[] = ['source', 'medium', 'campaign'];

/** "Spring Glow 2026!" → "spring-glow-2026"; "Zoë_Makes" → "zoe_makes". */
export function utmValue(text: string): string {
  return foldText(text)
    .replace(/[\s/+&,;:|]+/g, '-')
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
}

export interface LinkProblem {
  field: 'baseUrl' | UtmField;
  message: string;
  /** A value that would fix it, offered to the user with one click. */
  fix?: string;
}

export interface BuiltLink {
  url: string | null;
  problems: LinkProblem[];
}

/** The base URL as a URL, or why not: only http(s) pages with a real host. */
export function parseBaseUrl(text: string): { url: URL } | { problem: string; fix?: string } {
  const trimmed = text.trim();
  if (!trimmed) return { problem: 'Write the page the link should open, such as https://yourbrand.com/serum' };
  if (/\s/.test(trimmed)) return { problem: 'A web address has no spaces' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : null;
  if (!withScheme) return { problem: 'Start the address with https://', fix: `https://${trimmed.replace(/^\/+/, '')}` };
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: 'This is not a web address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'Only web pages (https://) can carry UTM tags' };
  if (!/\.[a-z]{2,}$/i.test(url.hostname) && url.hostname !== 'localhost') return { problem: `“${url.hostname}” is not a full domain (such as yourbrand.com)` };
  return { url };
}

/**
 * The tracked link, and every problem with its parts. Values that break the
 * naming rule are problems with a fix; tags already in the base URL are
 * replaced by the builder's (and said so), other query parameters and the
 * #fragment are kept.
 */
export function buildTrackedLink(baseUrl: string, utm: Partial<Utm>): BuiltLink {
  const problems: LinkProblem[] = [];
  const parsed = parseBaseUrl(baseUrl);
  if ('problem' in parsed) problems.push({ field: 'baseUrl', message: parsed.problem, fix: parsed.fix });
  for (const field of utmFields) {
    const value = (utm[field] ?? '').trim();
    if (!value) {
      if (requiredUtm.includes(field)) problems.push({ field, message: `utm_${field} is needed` });
      continue;
    }
    const clean = utmValue(value);
    if (!clean) problems.push({ field, message: 'Use letters or digits' });
    else if (clean !== value) problems.push({ field, message: 'Use lowercase words joined by hyphens', fix: clean });
    else if (clean.length > 100) problems.push({ field, message: 'Keep it under 100 characters' });
  }
  if ('problem' in parsed) return { url: null, problems };
  const url = parsed.url;
  for (const field of utmFields) {
    if (url.searchParams.has(`utm_${field}`) && (utm[field] ?? '').trim()) {
      problems.push({ field: 'baseUrl', message: `The address already has utm_${field}; the builder's value replaces it`, fix: stripUtm(url).toString() });
    }
  }
  if (problems.length) return { url: null, problems };
  for (const field of utmFields) {
    const value = (utm[field] ?? '').trim();
    if (value) url.searchParams.set(`utm_${field}`, value);
  }
  return { url: url.toString(), problems };
}

function stripUtm(url: URL): URL {
  const copy = new URL(url.toString());
  for (const field of utmFields) copy.searchParams.delete(`utm_${field}`);
  return copy;
}

/** The team's convention filled in: platform as source, "influencer" as medium, the campaign and the creator's handle. */
export function conventionUtm(input: { platform: string; campaign: string; handle: string; medium?: string }): Utm {
  return {
    source: utmValue(input.platform), medium: utmValue(input.medium ?? 'influencer'), campaign: utmValue(input.campaign),
    content: utmValue(input.handle.replace(/^@/, '')), term: '',
  };
}

/** The UTM tags a link carries, for showing a saved link's parts. */
export function readUtm(link: string): Partial<Utm> {
  try {
    const url = new URL(link);
    return Object.fromEntries(utmFields.flatMap((f) => (url.searchParams.has(`utm_${f}`) ? [[f, url.searchParams.get(`utm_${f}`) ?? '']] : [])));
  } catch {
    return {};
  }
}

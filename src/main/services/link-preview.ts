import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import sharp from 'sharp';
import { HostError } from '../../shared/api/errors';
import { rasterFormatOf } from './media-input';

/** What a saved link shows: read from the page's og:/twitter: tags or its <title>. */
export interface LinkPreview {
  /** Where the link ended after redirects. */
  url: string;
  title: string;
  description: string;
  /** A JPEG data: URL, at most 320 px wide and under 30 KB; '' when the page names no picture or it could not be used. */
  thumbnail: string;
  /** Why the page's picture was not used, in words; null when there was none or it was used. */
  imageProblem: string | null;
}

export interface LinkPreviewOptions {
  /**
   * Lets the host read pages on this computer and the private network. Only
   * tests set it (a page server on 127.0.0.1); the host contract cannot, so a
   * page can never make Fanfare reach the router, a NAS or a local admin page.
   */
  allowPrivateAddresses?: boolean | ((hostname: string) => boolean);
  /** Resolves a host name; tests inject one to put a public-looking name on a private address. */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export const MAX_REDIRECTS = 3;
export const MAX_HTML_BYTES = 1024 * 1024;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const THUMB_MAX_BYTES = 30 * 1024;

/** Addresses a link must never lead to: this computer, private networks, link-local, unique-local, multicast, reserved. */
const privateRanges = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) privateRanges.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2002::', 16]] as const) privateRanges.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return privateRanges.check(address, 'ipv4');
  if (family !== 6) return true;
  // ::ffff:10.0.0.1 is 10.0.0.1 on the wire.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return privateRanges.check(mapped, 'ipv4');
  return privateRanges.check(address, 'ipv6');
}

const systemResolve = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

/** The checked address of a link's host: refused when any address it resolves to is private. */
async function safeAddress(url: URL, options: LinkPreviewOptions): Promise<{ address: string; family: number }> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(hostname)) addresses = [{ address: hostname, family: isIP(hostname) }];
  else {
    try {
      addresses = await (options.resolve ?? systemResolve)(hostname);
    } catch {
      throw new HostError('unreachable', `${url.hostname} could not be found. Check the link, or your internet connection.`);
    }
  }
  if (addresses.length === 0) throw new HostError('unreachable', `${url.hostname} could not be found.`);
  const allowed = typeof options.allowPrivateAddresses === 'function' ? options.allowPrivateAddresses(hostname) : options.allowPrivateAddresses === true;
  if (!allowed) {
    const inside = addresses.find((a) => isPrivateAddress(a.address));
    if (inside) {
      throw new HostError('forbidden', `Fanfare does not open links to this computer or a private network (${url.hostname} is ${inside.address}). Save a public web address.`);
    }
  }
  return addresses[0];
}

interface Fetched { url: URL; contentType: string; body: Buffer }

function checkScheme(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new HostError('invalid-input', `Only web links (http or https) can be read, not ${url.protocol.slice(0, -1)}: links.`);
  if (url.username || url.password) throw new HostError('invalid-input', 'Remove the user name and password from the link.');
}

/** One GET with the host pinned to the address that was checked, so a second DNS answer cannot point it elsewhere. */
function getOnce(url: URL, pinned: { address: string; family: number }, maxBytes: number, what: string, signal: AbortSignal): Promise<{ status: number; location: string | null; contentType: string; body: Buffer }> {
  const lookup: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, {
      lookup, signal, agent: false,
      headers: { 'user-agent': 'Mozilla/5.0 (compatible; Fanfare link preview)', accept: 'text/html,application/xhtml+xml,image/*;q=0.8', 'accept-encoding': 'identity' },
    }, (response) => {
      const status = response.statusCode ?? 0;
      const contentType = String(response.headers['content-type'] ?? '').toLowerCase();
      if (status >= 300 && status < 400) {
        response.resume();
        resolve({ status, location: response.headers.location ?? null, contentType, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(response.headers['content-length'] ?? NaN);
      if (declared > maxBytes && what === 'picture') {
        response.destroy();
        reject(new HostError('too-large', `The page’s picture is larger than ${maxBytes / 1024 / 1024} MB.`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
        if (size >= maxBytes) {
          // A page's head is at its start: the first megabyte holds the title and picture.
          if (what === 'page') { response.destroy(); resolve({ status, location: null, contentType, body: Buffer.concat(chunks).subarray(0, maxBytes) }); }
          else { response.destroy(); reject(new HostError('too-large', `The page’s picture is larger than ${maxBytes / 1024 / 1024} MB.`)); }
        }
      });
      response.on('end', () => resolve({ status, location: null, contentType, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** GET that follows at most three redirects, checking each address before connecting. */
export async function safeGet(start: string | URL, what: 'page' | 'picture', options: LinkPreviewOptions, signal: AbortSignal): Promise<Fetched> {
  let url = new URL(start);
  const maxBytes = what === 'page' ? MAX_HTML_BYTES : MAX_IMAGE_BYTES;
  for (let hop = 0; ; hop++) {
    checkScheme(url);
    const pinned = await safeAddress(url, options);
    let answer;
    try {
      answer = await getOnce(url, pinned, maxBytes, what, signal);
    } catch (error) {
      if (error instanceof HostError) throw error;
      if (signal.aborted) throw new HostError('unreachable', `${url.hostname} did not answer in time.`);
      throw new HostError('unreachable', `${url.hostname} could not be reached (${(error as Error).message}).`);
    }
    if (answer.location !== null) {
      if (hop >= MAX_REDIRECTS) throw new HostError('unreachable', `The link redirects more than ${MAX_REDIRECTS} times, so Fanfare stopped following it.`);
      url = new URL(answer.location, url);
      continue;
    }
    if (answer.status >= 400) throw new HostError('unreachable', `${url.hostname} answered “${answer.status}”: the ${what} is missing or not public.`);
    return { url, contentType: answer.contentType, body: answer.body };
  }
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return entities[name.toLowerCase()] ?? all;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return out;
}

const clean = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

/** Title, description and picture address from a page's meta tags (og:, twitter:) or its <title>. */
export function readPageTags(html: string, base: URL): { title: string; description: string; image: URL | null } {
  const meta = new Map<string, string>();
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    const key = (a.property ?? a.name ?? '').toLowerCase();
    if (key && a.content !== undefined && !meta.has(key)) meta.set(key, a.content);
  }
  let imageSrc: string | undefined;
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(m[0]);
    if ((a.rel ?? '').toLowerCase().split(/\s+/).includes('image_src') && a.href) { imageSrc = a.href; break; }
  }
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const first = (...keys: (string | undefined)[]) => keys.find((k) => k !== undefined && k.trim() !== '') ?? '';
  const imageRaw = first(meta.get('og:image:secure_url'), meta.get('og:image'), meta.get('og:image:url'), meta.get('twitter:image'), meta.get('twitter:image:src'), imageSrc);
  let image: URL | null = null;
  if (imageRaw) {
    try { image = new URL(imageRaw.trim(), base); } catch { image = null; }
  }
  return {
    title: clean(first(meta.get('og:title'), meta.get('twitter:title'), titleTag ? decodeEntities(titleTag) : undefined), 300),
    description: clean(first(meta.get('og:description'), meta.get('twitter:description'), meta.get('description')), 1000),
    image,
  };
}

function decodeHtml(body: Buffer, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.toString('latin1', 0, 4096))?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(declared.toLowerCase()).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/**
 * A small JPEG of a picture, as a data: URL. The bytes are decoded only when
 * their first bytes are a photo format (never an SVG, which could name other
 * files), and it is made smaller until it is under 30 KB.
 */
export async function thumbnailOf(bytes: Buffer): Promise<string> {
  if (!rasterFormatOf(bytes.subarray(0, 16))) throw new HostError('invalid-input', 'The page’s picture is not a photo format Fanfare reads (JPEG, PNG, GIF, WebP, TIFF, HEIF).');
  for (const [width, quality] of [[320, 72], [320, 55], [240, 50], [160, 45]] as const) {
    let jpeg: Buffer;
    try {
      jpeg = await sharp(bytes, { limitInputPixels: 100_000_000, pages: 1 }).rotate().resize({ width, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true }).toBuffer();
    } catch (error) {
      throw new HostError('invalid-input', `The page’s picture could not be read (${(error as Error).message}).`);
    }
    if (jpeg.length <= THUMB_MAX_BYTES) return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
  }
  throw new HostError('too-large', 'The page’s picture stays over 30 KB even as a small thumbnail.');
}

/** Reads a web page's title, description and picture for the swipe file. */
export async function fetchLinkPreview(link: string, options: LinkPreviewOptions = {}): Promise<LinkPreview> {
  let start: URL;
  try {
    start = new URL(link);
  } catch {
    throw new HostError('invalid-input', `“${link}” is not a web address.`);
  }
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 8000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const page = await safeGet(start, 'page', options, signal);
  if (page.contentType.startsWith('image/')) {
    // A link straight to a picture: the picture is its own thumbnail.
    const thumb = await thumbnailOf(page.body.length >= MAX_HTML_BYTES ? (await safeGet(page.url, 'picture', options, signal)).body : page.body)
      .then((thumbnail) => ({ thumbnail, imageProblem: null }), (error: Error) => ({ thumbnail: '', imageProblem: error.message }));
    const last = page.url.pathname.split('/').pop() ?? '';
    let name = last;
    try { name = decodeURIComponent(last); } catch { /* a stray % in the name: keep it as written */ }
    return { url: page.url.href, title: name || page.url.hostname, description: '', ...thumb };
  }
  if (!/^(text\/html|application\/xhtml\+xml)/.test(page.contentType) && page.contentType !== '') {
    throw new HostError('invalid-input', `This link is not a web page (it is ${page.contentType.split(';')[0]}), so it has no title to read.`);
  }
  const tags = readPageTags(decodeHtml(page.body, page.contentType), page.url);
  let thumbnail = '';
  let imageProblem: string | null = null;
  if (tags.image) {
    try {
      const picture = await safeGet(tags.image, 'picture', options, signal);
      if (!picture.contentType.startsWith('image/') || picture.contentType.startsWith('image/svg')) {
        throw new HostError('invalid-input', `The page’s picture is not a photo (it is ${picture.contentType.split(';')[0] || 'of no stated type'}).`);
      }
      thumbnail = await thumbnailOf(picture.body);
    } catch (error) {
      imageProblem = error instanceof Error ? error.message : String(error);
    }
  }
  return { url: page.url.href, title: tags.title, description: tags.description, thumbnail, imageProblem };
}

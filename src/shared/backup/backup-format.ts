/**
 * A workspace backup: one file holding everything needed to bring a
 * workspace back on any computer.
 *
 *   magic      8 bytes  "FFBACKUP"
 *   version    u32 LE   BACKUP_FORMAT_VERSION
 *   header     u32 LE length, then JSON (UTF-8): BackupHeader
 *   sections   each: u32 LE length of its descriptor, the descriptor as JSON
 *              (kind, key, size, sha256), then `size` bytes
 *   end        u32 LE 0
 *
 * Sections are length-prefixed so a reader can walk the file without loading
 * it (a backup with videos can be gigabytes), and each carries its SHA-256 so
 * a damaged byte anywhere is named, never restored. The end mark and the
 * header's counts tell a file cut short at a section boundary from a whole one.
 */

export const BACKUP_MAGIC = 'FFBACKUP';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.fanfare-backup';

/** Why a backup was made; automatic ones say which big change they came before. */
export const backupReasons = ['manual', 'daily', 'before-import', 'before-merge', 'before-restore', 'before-migration'] as const;
export type BackupReason = (typeof backupReasons)[number];

export const backupReasonLabels: Record<BackupReason, string> = {
  manual: 'Made by hand',
  daily: 'Daily',
  'before-import': 'Before an import',
  'before-merge': 'Before merging duplicates',
  'before-restore': 'Before a restore',
  'before-migration': 'Before an update of the data',
};

export interface BackupHeader {
  format: 'fanfare-workspace-backup';
  version: number;
  workspace: { id: string; name: string };
  /** ISO instant, UTC. */
  createdAt: string;
  reason: BackupReason;
  appVersion: string | null;
  counts: {
    richText: number;
    media: number;
    /** Records per collection when the backup was made (trash included), to show before restoring. */
    records: Record<string, number>;
  };
  /** False when the person left media files out: the records still name them by SHA-256. */
  includesMedia: boolean;
  mediaBytes: number;
}

export type SectionKind = 'workspace' | 'rich-text' | 'media';

export interface SectionDescriptor {
  kind: SectionKind;
  /** 'workspace' for the workspace; the document id for rich text; the SHA-256 for media. */
  key: string;
  size: number;
  sha256: string;
  /** Media only: the file's name, for progress messages and the media store. */
  name?: string;
}

export interface SectionRef extends SectionDescriptor {
  /** Where the section's bytes start in the file. */
  offset: number;
}

export interface BackupIndex {
  header: BackupHeader;
  sections: SectionRef[];
  /** The file's length as the index ends it (the end mark included). */
  totalBytes: number;
}

/** Random access to a backup's bytes: a File in the browser, a file on disk in the host, bytes in a test. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
/** A descriptor or header larger than this is not one of ours. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
const SHA256_HEX = /^[0-9a-f]{64}$/;

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

function readU32(bytes: Uint8Array, at = 0): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The bytes before the first section. */
export function encodeBackupStart(header: BackupHeader): Uint8Array {
  const json = encoder.encode(JSON.stringify(header));
  return concat([encoder.encode(BACKUP_MAGIC), u32(BACKUP_FORMAT_VERSION), u32(json.length), json]);
}

/** The bytes that go in front of a section's own bytes. */
export function encodeSectionHead(descriptor: SectionDescriptor): Uint8Array {
  const json = encoder.encode(JSON.stringify(descriptor));
  return concat([u32(json.length), json]);
}

export const BACKUP_END: Uint8Array = u32(0);

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SectionInput {
  kind: SectionKind;
  key: string;
  bytes: Uint8Array;
  name?: string;
  /** Given when already known (computed in a worker); otherwise computed here. */
  sha256?: string;
}

/**
 * The file as a list of byte pieces, in order: a Blob or a file stream takes
 * them without one big copy.
 */
export async function encodeBackup(header: BackupHeader, sections: SectionInput[]): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [encodeBackupStart(header)];
  for (const section of sections) {
    const sha256 = section.sha256 ?? await sha256Hex(section.bytes);
    const descriptor: SectionDescriptor = { kind: section.kind, key: section.key, size: section.bytes.length, sha256 };
    if (section.name !== undefined) descriptor.name = section.name;
    parts.push(encodeSectionHead(descriptor), section.bytes);
  }
  parts.push(BACKUP_END);
  return parts;
}

export function bytesOfSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

const CUT_SHORT = 'This backup file is incomplete: it ends before everything in it was written (it may have been copied or downloaded only in part). Use a complete copy of the file.';

async function readExactly(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  if (offset + length > source.size) throw new BackupFormatError(CUT_SHORT);
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw new BackupFormatError(CUT_SHORT);
  return bytes;
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    throw new BackupFormatError(`This backup file is damaged: its ${what} cannot be read. Use another copy of the backup.`);
  }
}

function checkHeader(value: unknown): BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  const ok = !!h && h.format === 'fanfare-workspace-backup' && typeof h.workspace?.id === 'string' && typeof h.workspace?.name === 'string'
    && typeof h.createdAt === 'string' && typeof h.reason === 'string' && !!h.counts && typeof h.counts.richText === 'number' && typeof h.counts.media === 'number';
  if (!ok) throw new BackupFormatError('This backup file is damaged: its description of the workspace is incomplete. Use another copy of the backup.');
  return h as BackupHeader;
}

function checkDescriptor(value: unknown): SectionDescriptor {
  const d = value as Partial<SectionDescriptor> | null;
  const ok = !!d && (d.kind === 'workspace' || d.kind === 'rich-text' || d.kind === 'media') && typeof d.key === 'string'
    && typeof d.size === 'number' && Number.isSafeInteger(d.size) && d.size >= 0 && typeof d.sha256 === 'string' && SHA256_HEX.test(d.sha256);
  if (!ok) throw new BackupFormatError('This backup file is damaged: one of its parts is described wrongly. Use another copy of the backup.');
  return d as SectionDescriptor;
}

/** Reads only the header: enough to say what a backup holds (and to list automatic ones). */
export async function readBackupHeader(source: ByteSource): Promise<{ header: BackupHeader; headerEnd: number }> {
  if (source.size < 16) {
    if (source.size >= BACKUP_MAGIC.length && decodeMagic(await source.read(0, BACKUP_MAGIC.length)) !== BACKUP_MAGIC) throw notOurs();
    throw new BackupFormatError(source.size === 0 ? 'This backup file is empty. Use a complete copy of the file.' : CUT_SHORT);
  }
  const start = await readExactly(source, 0, 16);
  if (decodeMagic(start.subarray(0, 8)) !== BACKUP_MAGIC) throw notOurs();
  const version = readU32(start, 8);
  if (version > BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError('This backup was made by a newer version of Fanfare. Update Fanfare on this computer, then restore it again.');
  }
  const length = readU32(start, 12);
  if (length > MAX_JSON_BYTES) throw new BackupFormatError('This backup file is damaged: its description of the workspace is too large to be real. Use another copy of the backup.');
  const header = checkHeader(parseJson(await readExactly(source, 16, length), 'description of the workspace'));
  return { header, headerEnd: 16 + length };
}

function decodeMagic(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function notOurs(): BackupFormatError {
  return new BackupFormatError('This is not a Fanfare backup. Choose a file whose name ends in .fanfare-backup.');
}

/**
 * Walks the file: header, then every section's descriptor (skipping its
 * bytes), then the end mark. Finds a file cut short or padded, but reads no
 * section's bytes, so it is quick even for gigabytes of media.
 */
export async function readBackupIndex(source: ByteSource): Promise<BackupIndex> {
  const { header, headerEnd } = await readBackupHeader(source);
  const sections: SectionRef[] = [];
  let at = headerEnd;
  for (;;) {
    const length = readU32(await readExactly(source, at, 4));
    at += 4;
    if (length === 0) break;
    if (length > MAX_JSON_BYTES) throw new BackupFormatError('This backup file is damaged: one of its parts is described wrongly. Use another copy of the backup.');
    const descriptor = checkDescriptor(parseJson(await readExactly(source, at, length), 'list of contents'));
    at += length;
    if (at + descriptor.size > source.size) throw new BackupFormatError(CUT_SHORT);
    sections.push({ ...descriptor, offset: at });
    at += descriptor.size;
  }
  if (at !== source.size) throw new BackupFormatError('This backup file is damaged: it has extra bytes after its end. Use another copy of the backup.');
  const count = (kind: SectionKind) => sections.filter((s) => s.kind === kind).length;
  if (count('workspace') !== 1 || count('rich-text') !== header.counts.richText || count('media') !== header.counts.media) {
    throw new BackupFormatError('This backup file is damaged: it holds a different number of parts than its description lists. Use another copy of the backup.');
  }
  return { header, sections, totalBytes: at };
}

/** A section's bytes, checked against its SHA-256: a damaged part is named, never restored. */
export async function readSection(source: ByteSource, section: SectionRef): Promise<Uint8Array> {
  const bytes = await readExactly(source, section.offset, section.size);
  if (await sha256Hex(bytes) !== section.sha256) throw new BackupFormatError(`This backup file is damaged: ${describeSection(section)} does not match its fingerprint, so it was not restored. Use another copy of the backup.`);
  return bytes;
}

export function describeSection(section: SectionDescriptor): string {
  if (section.kind === 'workspace') return 'the workspace’s records';
  if (section.kind === 'rich-text') return `the text document ${section.key}`;
  return `the media file ${section.name ? `“${section.name}”` : section.key}`;
}

/** "Acme Beauty 2026-12-06 0930.fanfare-backup": sorts by date, says what it is, safe on every file system. */
export function backupFileName(workspaceName: string, createdAt: Date): string {
  // eslint-disable-next-line no-control-regex
  const safe = workspaceName.replace(/[/\\:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'Workspace';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${createdAt.getFullYear()}-${pad(createdAt.getMonth() + 1)}-${pad(createdAt.getDate())} ${pad(createdAt.getHours())}${pad(createdAt.getMinutes())}`;
  return `${safe} ${stamp}${BACKUP_EXTENSION}`;
}

/** "Acme Beauty (restored 6 Dec 2026)". */
export function restoredWorkspaceName(name: string, on: Date): string {
  const date = on.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  const base = name.replace(/ \(restored [^)]*\)$/, '').trim() || 'Workspace';
  return `${base.slice(0, 80 - 22)} (restored ${date})`;
}

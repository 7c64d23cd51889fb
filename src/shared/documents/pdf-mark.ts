import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { DocumentSpec } from './model';

/**
 * What a Fanfare PDF says about itself, so a file that comes back (a signed
 * contract) can be matched to the record it was made from. Written three
 * ways because PDF readers differ in what they keep when someone fills in
 * the form and saves: custom document-info keys (kept by Acrobat), a hidden
 * read-only form field (form fields survive every reader that can fill
 * forms) and a keyword (the standard Keywords entry survives a rewrite).
 */
export interface DocumentMark {
  /** What the document is, in words: "Creator agreement", "Campaign plan". */
  kind: string;
  /** The id of the record it was made from (contracts: the contract's document id). */
  id?: string;
  /** Whom it is for, in words (contracts: the creator's name). */
  for?: string;
}

export type MarkedSpec = DocumentSpec & { mark?: DocumentMark };

export const MARK_FIELD = 'fanfare.documentId';
const INFO_KIND = 'FanfareDocument';
const INFO_ID = 'FanfareDocumentId';
const INFO_FOR = 'FanfareFor';
const KEYWORD_PREFIX = 'fanfare-id:';

export const markKeyword = (id: string) => `${KEYWORD_PREFIX}${id}`;

function infoDict(doc: PDFDocument): PDFDict | null {
  const ref = doc.context.trailerInfo.Info;
  if (!ref) return null;
  const dict = doc.context.lookup(ref);
  return dict instanceof PDFDict ? dict : null;
}

function infoText(info: PDFDict | null, key: string): string {
  const value = info?.lookup(PDFName.of(key));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText().trim() : '';
}

/** Writes the mark; call after the pages are laid out (the hidden field sits on the first page). */
export function writeMark(doc: PDFDocument, spec: MarkedSpec): void {
  const mark: DocumentMark = spec.mark ?? { kind: spec.eyebrow };
  const info = infoDict(doc);
  if (info) {
    info.set(PDFName.of(INFO_KIND), PDFHexString.fromText(mark.kind));
    if (mark.id) info.set(PDFName.of(INFO_ID), PDFHexString.fromText(mark.id));
    if (mark.for) info.set(PDFName.of(INFO_FOR), PDFHexString.fromText(mark.for));
  }
  if (!mark.id || doc.getPageCount() === 0) return;
  const field = doc.getForm().createTextField(MARK_FIELD);
  field.setText(mark.id);
  field.enableReadOnly();
  field.addToPage(doc.getPage(0), { x: 0, y: 0, width: 0, height: 0, hidden: true, borderWidth: 0 });
}

export interface ReadMark {
  kind: string;
  id: string;
  for: string;
  title: string;
  subject: string;
}

/** Reads what a PDF says it is; every part is '' when absent (older files, other programs). */
export function readMark(doc: PDFDocument, fields: Record<string, string | boolean>): ReadMark {
  const info = infoDict(doc);
  const fromField = typeof fields[MARK_FIELD] === 'string' ? (fields[MARK_FIELD] as string).trim() : '';
  const keywords = infoText(info, 'Keywords');
  const fromKeyword = keywords.split(/\s+/).find((k) => k.startsWith(KEYWORD_PREFIX))?.slice(KEYWORD_PREFIX.length) ?? '';
  return {
    kind: infoText(info, INFO_KIND),
    id: fromField || infoText(info, INFO_ID) || fromKeyword,
    for: infoText(info, INFO_FOR),
    title: infoText(info, 'Title'),
    subject: infoText(info, 'Subject'),
  };
}

import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFSignature } from 'pdf-lib';
import { CONTRACT_KIND } from './creator-agreement';
import { readMark, type ReadMark } from './pdf-mark';
import { fieldValues } from './read-form';
import { foldText } from '../domain/fold-text';

/**
 * Is this PDF the signed copy of this contract? Every contract Fanfare makes
 * carries its record's id (pdf-mark.ts) and has signature fields; a file
 * that comes back is checked for both before it marks a contract signed.
 *
 * Files without an id (contracts made before Fanfare marked them, scans,
 * printouts saved as PDF) cannot be matched, so they are never accepted on
 * their own: the person is told why and may "attach anyway". A contract
 * of another creator in this workspace is refused outright.
 */

export interface PdfFacts {
  fields: Record<string, string | boolean>;
  mark: ReadMark;
  /** A signature drawn or stamped over the creator's signature box, or a filled digital-signature field. */
  drawnSignature: boolean;
}

export type ReadPdfResult = { ok: true; facts: PdfFacts } | { ok: false; notPdf: boolean };

const PDF_HEADER = '%PDF-';

function startsLikePdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk (some mailers prepend bytes); readers accept it within the first 1 KB.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes(PDF_HEADER);
}

const rectOf = (dict: PDFDict): [number, number, number, number] | null => {
  const rect = dict.lookup(PDFName.of('Rect'));
  if (!(rect instanceof PDFArray) || rect.size() !== 4) return null;
  const n = [0, 1, 2, 3].map((i) => rect.lookup(i));
  if (!n.every((v) => v instanceof PDFNumber)) return null;
  const [x1, y1, x2, y2] = n.map((v) => (v as PDFNumber).asNumber());
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
};

const overlaps = (a: number[], b: number[], margin: number) =>
  a[0] - margin < b[2] && b[0] < a[2] + margin && a[1] - margin < b[3] && b[1] < a[3] + margin;

/** Kinds of annotation readers use to put a signature on a page (Acrobat "Fill & Sign", macOS Preview, pen input). */
const DRAWN = new Set(['Ink', 'Stamp', 'FreeText']);

function hasDrawnSignature(doc: PDFDocument): boolean {
  const form = doc.getForm();
  if (form.getFields().some((f) => f instanceof PDFSignature && f.acroField.dict.has(PDFName.of('V')))) return true;
  const box = form.getFields().find((f) => f.getName() === 'creator.signature');
  const widget = box?.acroField.getWidgets()[0];
  if (!widget) return false;
  const boxRect = rectOf(widget.dict);
  const page = doc.getPages().find((p) => p.ref === widget.P()) ?? doc.getPages().find((p) => {
    const annots = p.node.Annots();
    return !!annots && annots.asArray().some((a) => doc.context.lookup(a) === widget.dict);
  });
  if (!boxRect || !page) return false;
  const annots = page.node.Annots()?.asArray() ?? [];
  return annots.some((ref) => {
    const annot = doc.context.lookup(ref);
    if (!(annot instanceof PDFDict)) return false;
    const subtype = annot.lookup(PDFName.of('Subtype'));
    const rect = rectOf(annot);
    // A signature placed roughly over the box counts; the margin allows for a hand that overshoots it.
    return subtype instanceof PDFName && DRAWN.has(subtype.decodeText()) && !!rect && overlaps(rect, boxRect, 40);
  });
}

/** Reads what a PDF says about itself and what was filled in; never throws. */
export async function readPdfFacts(bytes: Uint8Array): Promise<ReadPdfResult> {
  if (!startsLikePdf(bytes)) return { ok: false, notPdf: true };
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    const fields = fieldValues(doc);
    return { ok: true, facts: { fields, mark: readMark(doc, fields), drawnSignature: hasDrawnSignature(doc) } };
  } catch {
    return { ok: false, notPdf: false };
  }
}

/** A contract as the check needs it. */
export interface ContractForCheck {
  id: string;
  creatorId: string | null;
  creatorName: string;
  campaignName: string;
}

export interface SignedCopyCheck {
  /** ok: attach; confirm: attach only when the person says "attach anyway"; refuse: never this file. */
  verdict: 'ok' | 'confirm' | 'refuse';
  /** Why, in words, one sentence each. */
  reasons: string[];
  /** What the creator typed into the signature block ('' when not filled in). */
  signedBy: string;
  signedOn: string;
}

const fold = (s: string) => foldText(s).replace(/\s+/g, ' ');
const quoted = (s: string) => `“${s}”`;

/** "a campaign plan", "an opt-in form". */
function withArticle(kind: string): string {
  const lower = kind.charAt(0).toLowerCase() + kind.slice(1);
  return `${/^[aeiou]/i.test(lower) ? 'an' : 'a'} ${lower}`;
}

/** Fanfare documents made before the mark existed still say what they are in their subject or title. */
const knownKinds = ['Campaign plan', 'Creator brief', 'Opt-in form', 'Whitelisting guide', 'Influencer marketing report'];
function oldKind(mark: ReadMark): string {
  const text = fold(`${mark.subject} ${mark.title}`);
  return knownKinds.find((k) => text.includes(fold(k))) ?? '';
}

const text = (fields: Record<string, string | boolean>, name: string) => (typeof fields[name] === 'string' ? (fields[name] as string).trim() : '');

/**
 * Checks a file against the contract it is attached to. `contractById`
 * finds the other contracts of this workspace, to say whose a wrong one is.
 */
export function checkSignedCopy(read: ReadPdfResult, contract: ContractForCheck, contractById: (id: string) => ContractForCheck | null): SignedCopyCheck {
  const who = contract.creatorName || 'this creator';
  const notThis = `This is not the contract for ${who}`;
  if (!read.ok) {
    return read.notPdf
      ? { verdict: 'refuse', reasons: ['This file is not a PDF. Attach the signed contract as a PDF.'], signedBy: '', signedOn: '' }
      : { verdict: 'confirm', reasons: ['Fanfare cannot read inside this PDF (it may be damaged or password-protected), so it cannot check that it is this contract or that it is signed.'], signedBy: '', signedOn: '' };
  }
  const { fields, mark, drawnSignature } = read.facts;
  const signedBy = text(fields, 'creator.name') || text(fields, 'creator.signature');
  const signedOn = text(fields, 'creator.date');
  const reasons: string[] = [];
  let verdict: SignedCopyCheck['verdict'] = 'ok';
  const ask = (reason: string) => {
    reasons.push(reason);
    if (verdict === 'ok') verdict = 'confirm';
  };
  // Once the file is known to be something else, whether it is signed is beside the point.
  let identified = true;

  if (mark.id && mark.id !== contract.id) {
    const other = contractById(mark.id);
    if (other && other.creatorId !== contract.creatorId) {
      return {
        verdict: 'refuse',
        reasons: [`${notThis}: it is the contract for ${other.creatorName}${other.campaignName ? ` (${other.campaignName})` : ''}. Attach it to their contract instead.`],
        signedBy, signedOn,
      };
    }
    if (other) ask(`This is another contract for ${who}${other.campaignName ? ` (${other.campaignName})` : ''}, not this one.`);
    else if (mark.for && fold(mark.for) !== fold(contract.creatorName)) { ask(`${notThis}: it is a contract for ${mark.for}.`); identified = false; }
    else ask(`This is a contract for ${who} that is not in this workspace (an older version, deleted, or made in another workspace), not this one.`);
  } else if (!mark.id) {
    const kind = mark.kind || oldKind(mark);
    if (kind && kind !== CONTRACT_KIND) {
      ask(`${notThis}: it is ${withArticle(kind)}${mark.title ? ` (${quoted(mark.title)})` : ''}.`);
      identified = false;
    } else if ('creator.signature' in fields || fold(mark.title).startsWith(fold(CONTRACT_KIND))) {
      const named = fold(`${mark.title} ${mark.subject}`).includes(fold(contract.creatorName));
      if (contract.creatorName && mark.title && !named) {
        ask(`${notThis}: its title reads ${quoted(mark.title)}.`);
        identified = false;
      } else {
        ask('This contract carries no contract id: it was made before Fanfare marked its contracts, or saved by a program that removed it, so Fanfare cannot check that it is this one.');
      }
    } else {
      ask(`Fanfare cannot find a contract id in this file${mark.title ? ` (its title reads ${quoted(mark.title)})` : ''}: it may be a scan or a printout. Check that it is the contract ${who} signed.`);
    }
  }

  if (identified) {
    if (!('creator.signature' in fields)) {
      if (!drawnSignature) ask('It has no signature fields Fanfare can read (signed on paper and scanned?): check that it is signed.');
    } else if (!text(fields, 'creator.signature') && !drawnSignature) {
      ask('The signature field is empty.');
    }
  }
  return { verdict, reasons, signedBy, signedOn };
}

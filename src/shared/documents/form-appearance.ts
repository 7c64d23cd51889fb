import { PDFDict, PDFDocument, PDFName, PDFString, PDFTextField, rgb, TextAlignment, type PDFFont, type PDFOperator, type PDFRef, type PDFWidgetAnnotation } from 'pdf-lib';
import { visualOrder, withBidiLevels } from './bidi-runs';
import { drawShaped, type GlyphCanvas } from './draw-glyphs';
import { cachingFontkit, FontChain, type FallbackFont, type Shaped } from './font-chain';
import { embedTypingFont, typingEncoding } from './form-typing-font';

/**
 * Makes a document's form show its letters in any reader and in any tool
 * that fills it.
 *
 * Every text field's default appearance (DA) names the document's own font,
 * embedded and listed in the form's resources (DR), instead of Helvetica,
 * which is not embedded and has none of İ ğ Ş Ř ễ: a tool that fills the
 * form later draws typed letters with it (see form-typing-font.ts for which
 * letters, and why 255 of them). Every field also gets an appearance drawn
 * here: prefilled values in any script, with fallback fonts (CJK, Arabic)
 * for what the document font lacks, shaped and in right-to-left order.
 *
 * Call once per document, after the fields are laid out and before saving
 * with `updateFieldAppearances: false` (pdf-lib would redraw them in Helvetica).
 */

export interface FormFontBytes {
  /** The document's regular font: the typing font, and what prefilled values are drawn in. */
  regular: Uint8Array;
  /** Fonts for prefilled characters the regular font lacks (CJK, Arabic…), tried in order; a function is called only when needed. */
  fallbacks?: Array<Uint8Array | (() => Uint8Array | null)>;
  /**
   * The chain the document's own text is drawn with (renderPdf's): prefilled
   * values then share its embedded fonts. Without it, a chain over `regular`
   * and `fallbacks` is made for this document.
   */
  chain?: FontChain;
}

export interface FormAppearanceOptions {
  /** Text the form will likely be filled in with (the creator's name, country): its scripts' letters go into the typing font first. */
  typingHint?: string;
}

export interface FormAppearanceResult {
  /** Resource name of the typing font in the form's DR, as every text field's DA uses it; null when the document has no text fields. */
  fontResource: string | null;
  /** Characters the typing font carries, i.e. what a tool filling the form later can draw. */
  typable: string;
  /** Prefilled characters no font given has, per field (drawn as the missing-glyph box). */
  uncovered: Array<{ field: string; characters: string[] }>;
}

/** Text size of every field, in points: what prefilled values use and what a tool filling the form later uses. */
export const FORM_TEXT_SIZE = 10;
const TYPING_FONT = 'FanfareForm';
const PAD = 2;
/** Annotation flag: not shown or printed. */
const HIDDEN = 1 << 1;

const colorOp = (c: number[] | undefined, stroke: boolean): string | null => {
  if (!c?.length) return null;
  const n = c.map((v) => +v.toFixed(4)).join(' ');
  if (c.length === 1) return `${n} ${stroke ? 'G' : 'g'}`;
  if (c.length === 3) return `${n} ${stroke ? 'RG' : 'rg'}`;
  if (c.length === 4) return `${n} ${stroke ? 'K' : 'k'}`;
  return null;
};

const num = (v: number) => String(+v.toFixed(3));

/** A line of a prefilled value: runs of one font each, shaped, in visual order. */
interface Line {
  runs: Shaped[];
  /** Thousandths of the text size. */
  width: number;
}

/** One line laid out as page text is: bidi levels (UAX #9), each level's text shaped by the chain, then rule L2. */
function layoutLine(chain: FontChain, text: string): Line {
  if (!text) return { runs: [], width: 0 };
  const pieces = withBidiLevels([{ text }]).flatMap((piece) => {
    const level = piece.level ?? 0;
    // shapeRuns gives a right-to-left piece's runs in visual order; back to logical order, as visualOrder (rule L2) reverses every right-to-left stretch itself.
    const shaped = chain.shapeRuns(piece.text, 'regular', level % 2 === 1);
    return (level % 2 === 1 ? shaped.reverse() : shaped).map((run) => ({ run, level }));
  });
  const runs = visualOrder(pieces, (p) => p.level).map((p) => p.run);
  return { runs, width: runs.reduce((w, r) => w + (r.advance * 1000) / r.unitsPerEm, 0) };
}

/** Breaks text into lines no wider than `width` (thousandths of the text size), at spaces where it can. */
function wrapText(chain: FontChain, text: string, width: number): Line[] {
  const out: Line[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let current = '';
    for (const word of paragraph.split(/(?<= )/)) {
      const candidate = current + word;
      if (current && layoutLine(chain, candidate.trimEnd()).width > width) {
        out.push(layoutLine(chain, current.trimEnd()));
        current = word;
      } else current = candidate;
    }
    out.push(layoutLine(chain, current.trimEnd()));
  }
  return out;
}

/**
 * Where drawShaped puts a run: an appearance stream's operators and font
 * resources, in the shape of the page it draws page text on.
 */
function appearanceCanvas(doc: PDFDocument): { canvas: GlyphCanvas; fonts: Record<string, PDFRef>; ops: PDFOperator[] } {
  const ops: PDFOperator[] = [];
  const fonts: Record<string, PDFRef> = {};
  const names = new Map<PDFFont, PDFName>();
  const canvas: GlyphCanvas = {
    doc,
    fontName(font) {
      let name = names.get(font);
      if (!name) {
        name = PDFName.of(`FanfareText${names.size}`);
        names.set(font, name);
        fonts[name.asString().slice(1)] = font.ref;
      }
      return name;
    },
    push: (...more) => ops.push(...more),
  };
  return { canvas, ops, fonts };
}

interface Metrics {
  ascent: number;
  descent: number;
}

function widgetAppearance(doc: PDFDocument, chain: FontChain, widget: PDFWidgetAnnotation, lines: Line[], multiline: boolean, align: TextAlignment, metrics: Metrics): PDFRef {
  const { width, height } = widget.getRectangle();
  const mk = widget.getAppearanceCharacteristics();
  const border = widget.getBorderStyle()?.getWidth() ?? 0;
  const ops: string[] = ['/Tx BMC', 'q'];
  const bg = colorOp(mk?.getBackgroundColor(), false);
  if (bg) ops.push(bg, `0 0 ${num(width)} ${num(height)} re f`);
  const bc = colorOp(mk?.getBorderColor(), true);
  if (bc && border > 0) ops.push(bc, `${num(border)} w`, `${num(border / 2)} ${num(border / 2)} ${num(width - border)} ${num(height - border)} re S`);
  const inset = border + PAD;
  const canvas = appearanceCanvas(doc);
  if (lines.some((l) => l.runs.length)) {
    ops.push(`${num(inset)} ${num(border)} ${num(Math.max(0, width - 2 * inset))} ${num(Math.max(0, height - 2 * border))} re W n`);
    const ascent = metrics.ascent * FORM_TEXT_SIZE;
    const descent = metrics.descent * FORM_TEXT_SIZE;
    // One line sits in the middle of the box; several start at the top, as readers lay out a multiline field.
    const firstBaseline = multiline ? height - inset - ascent : (height - (ascent + descent)) / 2 + descent;
    const room = width - 2 * inset;
    lines.forEach((line, k) => {
      const lineWidth = (line.width * FORM_TEXT_SIZE) / 1000;
      let x = align === TextAlignment.Center ? inset + (room - lineWidth) / 2 : align === TextAlignment.Right ? inset + room - lineWidth : inset;
      for (const run of line.runs) {
        drawShaped(canvas.canvas, chain, run, x, firstBaseline - k * (ascent + descent), FORM_TEXT_SIZE, rgb(0, 0, 0));
        x += (run.advance * FORM_TEXT_SIZE) / run.unitsPerEm;
      }
    });
    ops.push(...canvas.ops.map((op) => op.toString()));
  }
  ops.push('Q', 'EMC');
  return doc.context.register(doc.context.flateStream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: { Font: canvas.fonts },
  }));
}

/** A chain over the given fonts, the regular drawing every variant (field values are never bold or italic). */
function ownChain(doc: PDFDocument, fontBytes: FormFontBytes): FontChain {
  const { regular } = fontBytes;
  const fallbacks: FallbackFont[] = (fontBytes.fallbacks ?? []).map((f, i) => ({ key: `form-${i}`, regular: typeof f === 'function' ? f : () => f }));
  return new FontChain(doc, { regular, bold: regular, italic: regular, boldItalic: regular }, fallbacks);
}

function registerTypingFont(doc: PDFDocument, ref: PDFRef, da: string): void {
  const acroForm = doc.getForm().acroForm.dict;
  const dr = acroForm.lookup(PDFName.of('DR'));
  const resources = dr instanceof PDFDict ? dr : doc.context.obj({});
  const existing = resources.lookup(PDFName.of('Font'));
  const fonts = existing instanceof PDFDict ? existing : doc.context.obj({});
  fonts.set(PDFName.of(TYPING_FONT), ref);
  resources.set(PDFName.of('Font'), fonts);
  acroForm.set(PDFName.of('DR'), resources);
  acroForm.set(PDFName.of('DA'), PDFString.of(da));
}

export async function applyFormAppearances(doc: PDFDocument, fontBytes: FormFontBytes, options: FormAppearanceOptions = {}): Promise<FormAppearanceResult> {
  const textFields = doc.getForm().getFields().filter((f): f is PDFTextField => f instanceof PDFTextField);
  // A document whose only field is the hidden mark (pdf-mark.ts) has nothing to type into: no font for it.
  const visible = textFields.some((f) => f.acroField.getWidgets().some((w) => {
    const { width, height } = w.getRectangle();
    return width > 0 && height > 0 && !(w.getFlags() & HIDDEN);
  }));
  if (!visible) return { fontResource: null, typable: '', uncovered: [] };

  const regular = cachingFontkit.create(fontBytes.regular);
  const chain = fontBytes.chain ?? ownChain(doc, fontBytes);
  const values = textFields.map((f) => f.getText() ?? '');

  const encoding = typingEncoding([options.typingHint ?? '', ...values].join(' '), (cp) => regular.hasGlyphForCodePoint(cp));
  const typing = embedTypingFont(doc, fontBytes.regular, encoding);
  const da = `/${TYPING_FONT} ${FORM_TEXT_SIZE} Tf 0 g`;
  registerTypingFont(doc, typing.ref, da);

  const uncovered: FormAppearanceResult['uncovered'] = [];
  const laid = textFields.map((field, i) => {
    const value = values[i].normalize('NFC');
    const missing = chain.uncovered(value).map((u) => u.char);
    if (missing.length) uncovered.push({ field: field.getName(), characters: missing });
    const multiline = field.isMultiline();
    const widgets = field.acroField.getWidgets().map((widget) => {
      const { width } = widget.getRectangle();
      const room = ((width - 2 * ((widget.getBorderStyle()?.getWidth() ?? 0) + PAD)) * 1000) / FORM_TEXT_SIZE;
      const lines = !value ? [] : multiline ? wrapText(chain, value, room) : [layoutLine(chain, value.replace(/[\r\n]+/g, ' '))];
      return { widget, lines };
    });
    return { field, multiline, widgets };
  });
  const metrics = { ascent: regular.ascent / regular.unitsPerEm, descent: -regular.descent / regular.unitsPerEm };

  for (const { field, multiline, widgets } of laid) {
    field.acroField.dict.set(PDFName.of('DA'), PDFString.of(da));
    const align = field.getAlignment();
    for (const { widget, lines } of widgets) {
      // A widget's own DA would override the field's.
      widget.dict.delete(PDFName.of('DA'));
      widget.setNormalAppearance(widgetAppearance(doc, chain, widget, lines, multiline, align, metrics));
      widget.removeRolloverAppearance();
      widget.removeDownAppearance();
    }
  }
  return {
    fontResource: TYPING_FONT,
    typable: String.fromCodePoint(...encoding.filter(Boolean)),
    uncovered,
  };
}

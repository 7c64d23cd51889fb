import { PDFDict, PDFDocument, PDFName, PDFString, PDFTextField, TextAlignment, type PDFRef, type PDFWidgetAnnotation } from 'pdf-lib';
import { embedGlyphSubset, parseFont, type GlyphSubset } from './form-font';
import { layoutLine, uncoveredCharacters, wrapText, type LaidLine, type LayoutFonts } from './form-text-layout';
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

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
const num = (v: number) => String(+v.toFixed(3));
const resourceName = (font: number) => `FanfareText${font}`;

function textOperators(lines: LaidLine[], subsets: Map<number, GlyphSubset>, x0: number, width: number, firstBaseline: number, leading: number, align: TextAlignment): string {
  const ops: string[] = ['BT'];
  lines.forEach((line, k) => {
    const lineWidth = (line.width * FORM_TEXT_SIZE) / 1000;
    const x = align === TextAlignment.Center ? x0 + (width - lineWidth) / 2 : align === TextAlignment.Right ? x0 + width - lineWidth : x0;
    ops.push(`1 0 0 1 ${num(x)} ${num(firstBaseline - k * leading)} Tm`);
    let current = -1;
    let pending: string[] = [];
    const flush = () => {
      if (pending.length) ops.push(`[${pending.join(' ')}] TJ`);
      pending = [];
    };
    let rise = 0;
    for (const g of line.glyphs) {
      const dy = (g.dy * FORM_TEXT_SIZE) / 1000;
      if (g.font !== current || Math.abs(dy - rise) > 0.001) flush();
      if (g.font !== current) {
        current = g.font;
        ops.push(`/${resourceName(g.font)} ${FORM_TEXT_SIZE} Tf`);
      }
      if (Math.abs(dy - rise) > 0.001) {
        rise = dy;
        ops.push(`${num(rise)} Ts`);
      }
      const subset = subsets.get(g.font)!;
      const cid = subset.cidOf.get(g.gid)!;
      // TJ numbers move the pen back by thousandths of the size: shift by the glyph's offset, then make up its shaped advance.
      if (Math.abs(g.dx) > 0.01) pending.push(num(-g.dx));
      pending.push(`<${hex4(cid)}>`);
      const adjust = subset.width(cid) - g.advance + g.dx;
      if (Math.abs(adjust) > 0.01) pending.push(num(adjust));
    }
    flush();
    if (rise) ops.push('0 Ts');
  });
  ops.push('ET');
  return ops.join('\n');
}

interface Metrics {
  ascent: number;
  descent: number;
}

function widgetAppearance(doc: PDFDocument, widget: PDFWidgetAnnotation, lines: LaidLine[], multiline: boolean, align: TextAlignment, subsets: Map<number, GlyphSubset>, metrics: Metrics): PDFRef {
  const { width, height } = widget.getRectangle();
  const mk = widget.getAppearanceCharacteristics();
  const border = widget.getBorderStyle()?.getWidth() ?? 0;
  const ops: string[] = ['/Tx BMC', 'q'];
  const bg = colorOp(mk?.getBackgroundColor(), false);
  if (bg) ops.push(bg, `0 0 ${num(width)} ${num(height)} re f`);
  const bc = colorOp(mk?.getBorderColor(), true);
  if (bc && border > 0) ops.push(bc, `${num(border)} w`, `${num(border / 2)} ${num(border / 2)} ${num(width - border)} ${num(height - border)} re S`);
  const inset = border + PAD;
  const used = new Set(lines.flatMap((l) => l.glyphs.map((g) => g.font)));
  if (used.size) {
    ops.push(`${num(inset)} ${num(border)} ${num(Math.max(0, width - 2 * inset))} ${num(Math.max(0, height - 2 * border))} re W n`, '0 g');
    const ascent = metrics.ascent * FORM_TEXT_SIZE;
    const descent = metrics.descent * FORM_TEXT_SIZE;
    // One line sits in the middle of the box; several start at the top, as readers lay out a multiline field.
    const firstBaseline = multiline ? height - inset - ascent : (height - (ascent + descent)) / 2 + descent;
    ops.push(textOperators(lines, subsets, inset, width - 2 * inset, firstBaseline, ascent + descent, align));
  }
  ops.push('Q', 'EMC');
  const fonts: Record<string, PDFRef> = {};
  for (const i of used) fonts[resourceName(i)] = subsets.get(i)!.ref;
  return doc.context.register(doc.context.flateStream(ops.join('\n'), {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: { Font: fonts },
  }));
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

  const regular = parseFont(fontBytes.regular);
  const values = textFields.map((f) => f.getText() ?? '');
  const lacking = values.some((v) => Array.from(v).some((ch) => ch.trim() && !regular.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)));
  const fallbackBytes = lacking ? (fontBytes.fallbacks ?? []).map((f) => (typeof f === 'function' ? f() : f)).filter((f): f is Uint8Array => !!f) : [];
  const layoutFonts: LayoutFonts = { form: regular, fallbacks: fallbackBytes.map(parseFont) };
  const allBytes = [fontBytes.regular, ...fallbackBytes];

  const encoding = typingEncoding([options.typingHint ?? '', ...values].join(' '), (cp) => regular.hasGlyphForCodePoint(cp));
  const typing = embedTypingFont(doc, fontBytes.regular, encoding);
  const da = `/${TYPING_FONT} ${FORM_TEXT_SIZE} Tf 0 g`;
  registerTypingFont(doc, typing.ref, da);

  const uncovered: FormAppearanceResult['uncovered'] = [];
  const glyphsByFont = new Map<number, Array<{ id: number; text: string }>>();
  const laid = textFields.map((field, i) => {
    const value = values[i];
    const missing = uncoveredCharacters(layoutFonts, value);
    if (missing.length) uncovered.push({ field: field.getName(), characters: missing });
    const multiline = field.isMultiline();
    const widgets = field.acroField.getWidgets().map((widget) => {
      const { width } = widget.getRectangle();
      const room = ((width - 2 * ((widget.getBorderStyle()?.getWidth() ?? 0) + PAD)) * 1000) / FORM_TEXT_SIZE;
      const lines = !value ? [] : multiline ? wrapText(layoutFonts, value, room) : [layoutLine(layoutFonts, value.replace(/[\r\n]+/g, ' '))];
      for (const g of lines.flatMap((l) => l.glyphs)) glyphsByFont.set(g.font, [...(glyphsByFont.get(g.font) ?? []), { id: g.gid, text: g.text }]);
      return { widget, lines };
    });
    return { field, multiline, widgets };
  });

  // Prefilled glyphs are embedded once per document: one subset per font.
  const subsets = new Map<number, GlyphSubset>();
  for (const [index, glyphs] of glyphsByFont) subsets.set(index, await embedGlyphSubset(doc, allBytes[index], glyphs));
  const metrics = { ascent: regular.ascent / regular.unitsPerEm, descent: -regular.descent / regular.unitsPerEm };

  for (const { field, multiline, widgets } of laid) {
    field.acroField.dict.set(PDFName.of('DA'), PDFString.of(da));
    const align = field.getAlignment();
    for (const { widget, lines } of widgets) {
      // A widget's own DA would override the field's.
      widget.dict.delete(PDFName.of('DA'));
      widget.setNormalAppearance(widgetAppearance(doc, widget, lines, multiline, align, subsets, metrics));
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

# Extracts Noto Sans CJK KR from the Debian collection, keeps Hangul (+ basic Latin/punctuation), converts CFF outlines to TrueType.
import sys
from fontTools.ttLib import TTCollection, newTable
from fontTools.subset import Subsetter, Options
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
src, out = sys.argv[1], sys.argv[2]
c = TTCollection(src)
font = [f for f in c.fonts if f['name'].getDebugName(4) == 'Noto Sans CJK KR'][0]
opts = Options(); opts.layout_features = ['*']; opts.name_IDs = ['*']; opts.notdef_outline = True; opts.glyph_names = False
opts.hinting = False
unicodes = list(range(0xAC00, 0xD7A4)) + list(range(0x1100, 0x1200)) + list(range(0x3130, 0x3190)) + list(range(0xA960, 0xA980)) + list(range(0xD7B0, 0xD800)) + list(range(0x3000, 0x3040)) + list(range(0xFF00, 0xFFEF))
s = Subsetter(opts); s.populate(unicodes=unicodes); s.subset(font)
order = font.getGlyphOrder(); gs = font.getGlyphSet()
glyf = newTable('glyf'); glyf.glyphOrder = order; glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(gs)
    gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyf[name] = pen.glyph()
font['loca'] = newTable('loca'); font['glyf'] = glyf
del font['CFF ']
if 'VORG' in font: del font['VORG']
font['maxp'] = maxp = font['maxp']; maxp.tableVersion = 0x00010000
for a in ('maxZones','maxTwilightPoints','maxStorage','maxFunctionDefs','maxInstructionDefs','maxStackElements','maxSizeOfInstructions','maxComponentElements','maxPoints','maxContours','maxCompositePoints','maxCompositeContours','maxComponentDepth'):
    setattr(maxp, a, 0)
maxp.maxZones = 1
font['head'].indexToLocFormat = 0; font['head'].glyphDataFormat = 0
font['post'].formatType = 3.0
font.sfntVersion = '\x00\x01\x00\x00'
font.save(out)

import type ExcelJS from 'exceljs';

/**
 * Pictures on a sheet of exceljs' streaming writer, which (4.4) can only
 * add background images. The writer already stores the PNGs in the zip
 * (workbook.addImage); this adds what places them: a drawing part, its
 * relationships, the sheet's <drawing> element (after the row breaks, where
 * the schema wants it) and the drawing's content type.
 */
export interface Picture {
  png: Buffer;
  /** Zero-based top-left cell. */
  col: number;
  row: number;
  widthPx: number;
  heightPx: number;
  name: string;
}

const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const EMU_PER_PX = 9525;

interface StreamingInternals {
  id: number;
  _write(text: string): void;
  _writeRowBreaks(): void;
  _sheetRelsWriter: { addMedia(rel: { Target: string; Type: string }): string };
}
interface WorkbookInternals {
  zip: { append(source: string | Buffer, data: { name: string }): unknown };
  getImage(id: number): { name: string };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function drawingXml(pictures: Picture[]): string {
  const anchors = pictures.map((p, i) => `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>`
    + `<xdr:ext cx="${p.widthPx * EMU_PER_PX}" cy="${p.heightPx * EMU_PER_PX}"/>`
    + `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="Picture ${i + 1}" descr="${escape(p.name)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>`
    + `<xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>`
    + `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${p.widthPx * EMU_PER_PX}" cy="${p.heightPx * EMU_PER_PX}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`
    + '<xdr:clientData/></xdr:oneCellAnchor>').join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + `${anchors}</xdr:wsDr>`;
}

export function placePictures(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet, pictures: Picture[]): void {
  if (pictures.length === 0) return;
  const wb = workbook as unknown as WorkbookInternals;
  const ws = sheet as unknown as StreamingInternals;
  const media = pictures.map((p) => wb.getImage(workbook.addImage({ buffer: p.png, extension: 'png' } as unknown as ExcelJS.Image)).name);
  const drawing = `drawing${ws.id}`;
  const writeRowBreaks = ws._writeRowBreaks.bind(ws);
  ws._writeRowBreaks = () => {
    writeRowBreaks();
    const rId = ws._sheetRelsWriter.addMedia({ Target: `../drawings/${drawing}.xml`, Type: DRAWING_REL });
    ws._write(`<drawing r:id="${rId}"/>`);
    wb.zip.append(drawingXml(pictures), { name: `xl/drawings/${drawing}.xml` });
    const rels = media.map((name, i) => `<Relationship Id="rId${i + 1}" Type="${IMAGE_REL}" Target="../media/${name}"/>`).join('');
    wb.zip.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`, { name: `xl/drawings/_rels/${drawing}.xml.rels` });
  };
  const append = wb.zip.append.bind(wb.zip);
  wb.zip.append = (source, data) => {
    if (data.name === '[Content_Types].xml' && typeof source === 'string') {
      source = source.replace('</Types>', `<Override PartName="/xl/drawings/${drawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);
    }
    return append(source, data);
  };
}

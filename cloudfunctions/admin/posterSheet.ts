import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PDFFont, PDFImage, PDFPage } from 'pdf-lib';
import { wrapText, type PosterContent, type PosterLayout } from '../../miniprogram/shared/domain/poster';

/**
 * The CJK font posters are set in: WenQuanYi Micro Hei (Debian's fonts-wqy-microhei, Apache-2.0 /
 * GPLv3 with font exception). The build copies it beside the admin function (fonts/); run from
 * source, Debian's copy is read. Only the glyphs a sheet uses are embedded (a subset).
 */
export const POSTER_FONT_FILE = 'wqy-microhei.ttc';
export const POSTER_FONT_SOURCE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
/** The face of the collection posters use (the proportional one; the other is monospaced). */
const POSTER_FONT_FACE = 'WenQuanYiMicroHei';

function fontBytes(): Buffer {
  const candidates = [join(__dirname, 'fonts', POSTER_FONT_FILE), join(__dirname, '..', 'fonts', POSTER_FONT_FILE), POSTER_FONT_SOURCE];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`poster font missing: none of ${candidates.join(', ')} (apt-get install fonts-wqy-microhei, then build)`);
  return readFileSync(found);
}

export interface PosterTarget extends PosterContent {
  /** The mini-program code's image as WeChat made it. */
  code: { contentType: string; bytes: Buffer };
}

const A4 = { width: 595.28, height: 841.89 } as const;
const MM = 72 / 25.4;
const INK = { r: 0.1, g: 0.1, b: 0.12 };
const BRAND = { r: 0, g: 0.32, b: 0.85 };
const GREY = { r: 0.33, g: 0.35, b: 0.39 };

/** A4 pages with one poster per target, or eight cards (2 × 4, with cut lines) per page. */
export async function renderPosterSheet(targets: readonly PosterTarget[], layout: PosterLayout, meta: { title: string; now: Date }): Promise<Buffer> {
  // Loaded when a sheet is printed, not when the function loads: like exceljs, most of a bundle that needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { PDFDocument, rgb } = require('pdf-lib') as typeof import('pdf-lib');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fontkit = require('@pdf-lib/fontkit') as typeof import('@pdf-lib/fontkit');
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title);
  doc.setCreator('连心桥');
  doc.setProducer('连心桥');
  doc.setCreationDate(meta.now);
  doc.setModificationDate(meta.now);
  // The font file is a collection (TrueType .ttc): pdf-lib embeds one face, named here.
  doc.registerFontkit({ create: (bytes: Uint8Array, name?: string) => fontkit.create(bytes, name ?? POSTER_FONT_FACE) });
  const font = await doc.embedFont(fontBytes(), { subset: true });
  const images = await Promise.all(targets.map((t) => (/jpe?g/i.test(t.code.contentType) ? doc.embedJpg(t.code.bytes) : doc.embedPng(t.code.bytes))));
  const color = (c: { r: number; g: number; b: number }) => rgb(c.r, c.g, c.b);

  const text = (page: PDFPage, line: string, x: number, y: number, size: number, c = INK) => page.drawText(line, { x, y, size, font, color: color(c) });
  const lines = (page: PDFPage, content: string[], x: number, top: number, size: number, width: number, maxLines: number, c = INK): number => {
    let y = top;
    const wrapped = content.flatMap((line) => line.split('\n')).flatMap((line) => wrapText(line, width, (s) => font.widthOfTextAtSize(s, size)));
    for (const line of wrapped.slice(0, maxLines)) {
      text(page, line, x, y, size, c);
      y -= size * 1.45;
    }
    return y;
  };

  if (layout === 'poster') {
    targets.forEach((target, i) => drawPoster(doc.addPage([A4.width, A4.height]), target, images[i] as PDFImage));
  } else {
    const perPage = 8;
    for (let first = 0; first < targets.length; first += perPage) {
      const page = doc.addPage([A4.width, A4.height]);
      drawCutLines(page);
      targets.slice(first, first + perPage).forEach((target, j) => drawCard(page, target, images[first + j] as PDFImage, j));
    }
  }
  return Buffer.from(await doc.save());

  function drawPoster(page: PDFPage, target: PosterTarget, image: PDFImage): void {
    const margin = 20 * MM;
    const width = A4.width - 2 * margin;
    page.drawRectangle({ x: 0, y: A4.height - 34 * MM, width: A4.width, height: 34 * MM, color: color(BRAND) });
    text(page, '连心桥 · 人大代表联络站', margin, A4.height - 21 * MM, 22, { r: 1, g: 1, b: 1 });
    const titleSize = fitSize(target.title, width, 40, font);
    text(page, target.title, margin, A4.height - 58 * MM, titleSize);
    let y = lines(page, [target.level], margin, A4.height - 70 * MM, 18, width, 1, GREY);
    y = lines(page, [target.station], margin, y - 4, 16, width, 3, INK);
    text(page, '接待安排', margin, y - 10, 18, BRAND);
    y = lines(page, target.schedule, margin, y - 36, 14, width, 7);
    const side = Math.min(80 * MM, y - 40 * MM);
    page.drawImage(image, { x: (A4.width - side) / 2, y: 34 * MM, width: side, height: side });
    const caption = '微信扫一扫：反映意见、预约接待';
    text(page, caption, (A4.width - font.widthOfTextAtSize(caption, 16)) / 2, 24 * MM, 16, INK);
  }

  function drawCard(page: PDFPage, target: PosterTarget, image: PDFImage, slot: number): void {
    const cardWidth = A4.width / 2;
    const cardHeight = A4.height / 4;
    const x = (slot % 2) * cardWidth + 8 * MM;
    const top = A4.height - Math.floor(slot / 2) * cardHeight - 10 * MM;
    const codeSide = 34 * MM;
    const textWidth = cardWidth - codeSide - 20 * MM;
    text(page, target.title, x, top - 14, fitSize(target.title, textWidth, 18, font));
    let y = lines(page, [target.level], x, top - 34, 10, textWidth, 1, GREY);
    y = lines(page, [target.station], x, y - 2, 9, textWidth, 2);
    lines(page, target.schedule, x, y - 4, 8.5, textWidth, 5);
    page.drawImage(image, { x: x + cardWidth - codeSide - 16 * MM, y: top - codeSide - 4, width: codeSide, height: codeSide });
    const caption = '微信扫一扫';
    text(page, caption, x + cardWidth - codeSide / 2 - 16 * MM - font.widthOfTextAtSize(caption, 8) / 2, top - codeSide - 16, 8, GREY);
  }

  function drawCutLines(page: PDFPage): void {
    const dash = { thickness: 0.5, color: color(GREY), dashArray: [4, 4] };
    page.drawLine({ start: { x: A4.width / 2, y: 0 }, end: { x: A4.width / 2, y: A4.height }, ...dash });
    for (let row = 1; row < 4; row += 1) page.drawLine({ start: { x: 0, y: (A4.height * row) / 4 }, end: { x: A4.width, y: (A4.height * row) / 4 }, ...dash });
  }
}

/** The largest size up to `max` at which a title fits its width on one line. */
function fitSize(title: string, width: number, max: number, font: PDFFont): number {
  let size = max;
  while (size > 10 && font.widthOfTextAtSize(title, size) > width) size -= 1;
  return size;
}

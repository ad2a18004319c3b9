import type { PayloadOf } from '../../miniprogram/shared/contract';
import { pdfFonts, pdfPageCodes, pdfPageCount, pdfText } from '../support/pdf';
import { ok, useTestRuntime } from '../support/runtime';
import { BEISHAN_STAFF, CITY_STAFF } from '../support/people';

jest.setTimeout(180_000);

const t = useTestRuntime();

async function print(payload: PayloadOf<'admin.printPosters'>, openid = CITY_STAFF): Promise<{ pdf: Buffer; fileName: string; pages: number }> {
  const sheet = ok(await t.call('admin.printPosters', payload, { openid }));
  return { ...sheet, pdf: Buffer.from(sheet.pdf, 'base64') };
}

function scene(read: string | null): string | null {
  return read ? new URL(read).searchParams.get('scene') : null;
}

describe('QR posters, print-ready', () => {
  test('one A4 poster per station: its name, area, address, reception rule in Chinese, and a code that opens it', async () => {
    const { pdf, pages, fileName } = await print({ kind: 'station', ids: ['st-nanhu', 'st-beishan'], layout: 'poster' });
    expect(fileName).toMatch(/^联络站海报-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pages).toBe(2);
    expect(await pdfPageCount(pdf)).toBe(2);
    const text = await pdfText(pdf);
    const nanhu = ok(await t.call('directory.getStation', { stationId: 'st-nanhu' })).station;
    expect(text).toContain(nanhu.name);
    expect(text).toContain('人大代表联络站 · 湖滨社区');
    expect(text).toContain(`电话：${nanhu.phone}`);
    expect(text).toContain('接待安排');
    expect(text).toContain(nanhu.receptionNote);
    expect(text).toContain('微信扫一扫');
    // The Chinese is text, set in an embedded subset of the CJK font (not pictures, not a system font).
    // pdf-lib marks its subsets by a numeric suffix, not poppler's tag: the size tells (the font file is about 5 MB).
    expect(await pdfFonts(pdf)).toEqual([expect.objectContaining({ embedded: true, name: expect.stringMatching(/^WenQuanYiMicroHei/) })]);
    expect(pdf.length).toBeLessThan(300_000);
    const codes = (await pdfPageCodes(pdf)).map(scene);
    expect(codes).toEqual([expect.stringMatching(/^s=/), expect.stringMatching(/^s=/)]);
    for (const [i, id] of ['st-nanhu', 'st-beishan'].entries()) expect(ok(await t.call('directory.resolveScene', { scene: codes[i] ?? '' }))).toEqual({ kind: 'station', id });
  });

  test('a sheet of deputy cards: eight to a page, each with name, level and station', async () => {
    const ids = ['dp-001', 'dp-002', 'dp-003', 'dp-004', 'dp-005', 'dp-006', 'dp-007', 'dp-008', 'dp-009'];
    const { pdf, pages } = await print({ kind: 'deputy', ids, layout: 'cards' });
    expect(pages).toBe(2);
    expect(await pdfPageCount(pdf)).toBe(2);
    const text = await pdfText(pdf);
    for (const id of ids) {
      const { deputy } = ok(await t.call('directory.getDeputy', { deputyId: id }));
      expect(text).toContain(deputy.name);
    }
    expect(text).toMatch(/人大代表/);
    expect(text).toContain('联络站：');
  });

  test('staff print only within their scope; unknown or retired targets are refused', async () => {
    expect(await t.call('admin.printPosters', { kind: 'station', ids: ['st-nanhu'], layout: 'poster' }, { openid: BEISHAN_STAFF })).toMatchObject({ code: 'ADMIN.OUT_OF_SCOPE' });
    expect(await t.call('admin.printPosters', { kind: 'deputy', ids: ['dp-404'], layout: 'poster' }, { openid: CITY_STAFF })).toMatchObject({ code: 'COMMON.NOT_FOUND' });
    expect(await t.call('admin.printPosters', { kind: 'station', ids: [], layout: 'poster' }, { openid: CITY_STAFF })).toMatchObject({ code: 'COMMON.INVALID_INPUT' });
    const { pdf } = await print({ kind: 'station', ids: ['st-beishan'], layout: 'cards' }, BEISHAN_STAFF);
    expect(await pdfText(pdf)).toContain('北山');
  });
});

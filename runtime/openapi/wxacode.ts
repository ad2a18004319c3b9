import QRCode from 'qrcode';
import { WX_ERRCODE, wxFail } from './wx-error';
import type { WxReply } from './reply';

/**
 * wxacode.getUnlimited, locally: a real PNG QR code instead of WeChat's round mini-program code.
 * WeChat's code can only be read by WeChat; ours carries the same two facts in readable text:
 *
 *   https://lianxinqiao.local/mp?page=<page>&scene=<scene>      (query values URL-encoded;
 *                                                                  `page` absent = home page)
 *
 * so a test or a developer's phone can check what a printed code would open.
 */
export const LOCAL_QR_BASE_URL = 'https://lianxinqiao.local/mp';

/** WeChat: at most 32 visible characters, digits, letters and !#$&'()*+,/:;=?@-._~ only. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;
const DEFAULT_WIDTH = 430;
const MIN_WIDTH = 280;
const MAX_WIDTH = 1280;

export function localQrText(target: { scene: string; page?: string }): string {
  const query = new URLSearchParams();
  if (target.page) query.set('page', target.page);
  query.set('scene', target.scene);
  return `${LOCAL_QR_BASE_URL}?${query.toString()}`;
}

export interface WxacodeOptions {
  /** Pages the mini-program declares (app.json); with check_path on, others are refused like WeChat's 41030. */
  pages?: readonly string[];
}

export async function getUnlimited(request: Record<string, unknown>, options: WxacodeOptions): Promise<WxReply> {
  const { scene, page, width = DEFAULT_WIDTH, check_path: checkPath = true } = request;

  if (typeof scene !== 'string' || !SCENE_PATTERN.test(scene)) {
    wxFail(WX_ERRCODE.INVALID_SCENE, "invalid scene: 1-32 visible characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]");
  }
  if (page !== undefined && page !== '') {
    if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) {
      wxFail(WX_ERRCODE.INVALID_PAGE, 'invalid page: no leading "/" and no query (put parameters in scene)');
    }
    if (checkPath !== false && options.pages && !options.pages.includes(page)) {
      wxFail(WX_ERRCODE.INVALID_PAGE, `invalid page: ${page} is not a page of the mini-program`);
    }
  }
  if (typeof width !== 'number' || !Number.isInteger(width) || width < MIN_WIDTH || width > MAX_WIDTH) {
    wxFail(WX_ERRCODE.INVALID_ARGS, `invalid args: width must be an integer from ${MIN_WIDTH} to ${MAX_WIDTH}`);
  }

  const png = await QRCode.toBuffer(localQrText({ scene, page: typeof page === 'string' ? page : undefined }), {
    type: 'png',
    width,
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: lineColor(request.line_color), light: request.is_hyaline === true ? '#ffffff00' : '#ffffffff' },
  });
  return { kind: 'binary', contentType: 'image/png', bytes: png };
}

function lineColor(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '#000000ff';
  const channel = (name: string): string => {
    const n = Number((value as Record<string, unknown>)[name]);
    const clamped = Number.isFinite(n) ? Math.min(255, Math.max(0, Math.round(n))) : 0;
    return clamped.toString(16).padStart(2, '0');
  };
  return `#${channel('r')}${channel('g')}${channel('b')}ff`;
}

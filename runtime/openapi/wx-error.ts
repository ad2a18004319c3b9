/**
 * A refusal in WeChat's own terms: the `{ errcode, errmsg }` body api.weixin.qq.com answers.
 * Handlers throw it; index.ts turns it into the reply CloudBase relays in `responseData`.
 */
export class WxError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${errcode} ${errmsg}`);
    this.name = 'WxError';
  }
}

/** The errcodes the local runtime answers with, as WeChat documents them. */
export const WX_ERRCODE = {
  /** 不合法的 OpenID */
  INVALID_OPENID: 40003,
  /** 不合法的 template_id */
  INVALID_TEMPLATE_ID: 40037,
  /** 参数错误 (wxacode: width and other options) */
  INVALID_ARGS: 40097,
  /** scene 不合法 (wxacode.getUnlimited) */
  INVALID_SCENE: 40169,
  /** page 不合法: missing from the published pages, leading "/" or carrying a query */
  INVALID_PAGE: 41030,
  /** POST 数据包格式错误 / 缺少必填字段 */
  DATA_FORMAT_ERROR: 47001,
  /** 模板参数不准确: a data value breaks its keyword type's rule */
  ARGUMENT_INVALID: 47003,
  /** api 功能未授权: the API is not one this app may call */
  API_UNAUTHORIZED: 48001,
} as const;

export function wxFail(errcode: number, errmsg: string): never {
  throw new WxError(errcode, errmsg);
}

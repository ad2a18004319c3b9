/**
 * What a local WeChat API handler answers. WeChat itself answers JSON, except for image APIs
 * (wxacode.*) whose success body is the image bytes.
 */
export type WxReply = { kind: 'json'; body: Record<string, unknown> } | { kind: 'binary'; contentType: string; bytes: Buffer };

export function ok(fields: Record<string, unknown> = {}): WxReply {
  return { kind: 'json', body: { errcode: 0, errmsg: 'ok', ...fields } };
}

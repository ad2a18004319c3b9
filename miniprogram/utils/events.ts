/** A tap on an element whose `data-*` attributes are `D` (read from `currentTarget.dataset`). */
export type TapEvent<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, D>;

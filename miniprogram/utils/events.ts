/** A tap on an element whose `data-*` attributes are `D` (read from `currentTarget.dataset`). */
export type TapEvent<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<WechatMiniprogram.IAnyObject, WechatMiniprogram.IAnyObject, D>;

/** What was typed into a field (`bindinput`, `bind:change`), on an element whose `data-*` attributes are `D`. */
export type InputEvent<D extends WechatMiniprogram.IAnyObject = WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<{ value: string }, WechatMiniprogram.IAnyObject, D>;

/** A switch turned on or off, on an element whose `data-*` attributes are `D`. */
export type SwitchEvent<D extends WechatMiniprogram.IAnyObject = WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<{ value: boolean }, WechatMiniprogram.IAnyObject, D>;

/** A tab chosen in components/count-tabs: the tab's value. */
export type TabEvent<V extends string> = WechatMiniprogram.CustomEvent<{ value: V }>;

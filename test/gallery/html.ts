/**
 * Turns a page rendered by miniprogram-simulate (jsdom) into a standalone HTML document a real
 * browser can lay out: the WXSS simulate inserted (rpx at WeChat's scale, 1rpx = 0.5px on a
 * 375px-wide phone), app.wxss for the page and the components that share its styles, a stylesheet
 * for WeChat's built-in tags, TDesign's icons from local SVGs, and the facts the checks need
 * (which elements take a tap, their screen-reader role and label).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** WeChat lays pages out 750rpx wide: on the 375px phone the gallery shows, 1rpx is 0.5px. */
export const PHONE_WIDTH = 375;
export function rpxToPx(css: string): string {
  return css.replace(/(-?\d*\.?\d+)rpx/gi, (_all, value: string) => `${+(Number(value) * (PHONE_WIDTH / 750)).toFixed(3)}px`);
}

interface Node {
  nodeType: number;
  nodeValue: string | null;
  localName?: string;
  childNodes: ArrayLike<Node>;
  attributes?: ArrayLike<{ name: string; value: string }>;
  __wxElement?: WxElement;
}
interface WxElement {
  __wxEvents?: Record<string, unknown>;
  __wxCaptureEvents?: Record<string, unknown>;
  __attributes?: Record<string, unknown> | null;
  __propData?: Record<string, unknown>;
  [key: string]: unknown;
}

const TEXT = 3;
const ELEMENT = 1;
/** WeChat's native tags a finger uses even without a handler of ours. */
const NATIVE_CONTROLS = new Set(['wx-button', 'wx-picker', 'wx-switch', 'wx-checkbox', 'wx-radio', 'wx-navigator', 'wx-input', 'wx-textarea', 'wx-slider']);

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

function takesTap(element: WxElement | undefined): boolean {
  const has = (events: Record<string, unknown> | undefined) => Boolean(events && (events.tap || events.longpress));
  return Boolean(element && (has(element.__wxEvents) || has(element.__wxCaptureEvents)));
}

/** What a native field shows: its value, or its placeholder in grey. */
function fieldText(node: Node): { value: string; placeholder: string } {
  const element = node.__wxElement;
  const read = (name: string) => {
    const attribute = Array.from(node.attributes ?? []).find((a) => a.name === name)?.value;
    const own = element?.[name] ?? element?.__attributes?.[name] ?? attribute;
    return typeof own === 'string' || typeof own === 'number' ? String(own) : '';
  };
  return { value: read('value'), placeholder: read('placeholder') };
}

function serialize(node: Node): string {
  if (node.nodeType === TEXT) return escapeText(node.nodeValue ?? '');
  if (node.nodeType !== ELEMENT) return '';
  const tag = node.localName ?? 'div';
  const wx = node.__wxElement;
  const attributes: string[] = [];
  for (let i = 0; i < (node.attributes?.length ?? 0); i += 1) {
    const { name, value } = node.attributes![i]!;
    if (name === 'aria-role') attributes.push(`role="${escapeAttribute(value)}"`);
    if (['class', 'style', 'id', 'aria-label', 'aria-role', 'aria-hidden', 'hidden', 'src', 'disabled'].includes(name) || name.startsWith('aria-'))
      attributes.push(`${name}="${escapeAttribute(value)}"`);
  }
  const interactive = takesTap(wx) || NATIVE_CONTROLS.has(tag);
  if (interactive) attributes.push('data-gallery-tap=""');
  let inner = '';
  for (let i = 0; i < node.childNodes.length; i += 1) inner += serialize(node.childNodes[i]!);
  if (tag === 'wx-input' || tag === 'wx-textarea') {
    const { value, placeholder } = fieldText(node);
    inner = value ? `<span class="gallery-value">${escapeText(value)}</span>` : `<span class="gallery-placeholder">${escapeText(placeholder)}</span>`;
  }
  if (tag === 'wx-image') {
    const src = String(wx?.src ?? '');
    inner = src ? `<img alt="" src="${escapeAttribute(src)}">` : '';
  }
  return `<${tag} ${attributes.join(' ')}>${inner}</${tag}>`;
}

/** app.wxss as each scope sees it: the page (prefix `main`) and the components that share the app's styles. */
export function appStyles(compile: (wxss: string, prefix: string) => string, prefixes: readonly string[]): string {
  const wxss = fs.readFileSync(path.join(ROOT, 'miniprogram/app.wxss'), 'utf8');
  return prefixes.map((prefix) => compile(wxss, prefix)).join('\n');
}

/** TDesign draws icons with a font it loads from the network; the gallery draws the same glyphs from the SVGs of tdesign-icons-svg, served locally. */
function iconStyles(css: string): string {
  const names = new Set<string>();
  for (const match of css.matchAll(/\.([\w-]+--)?t-icon-([a-z0-9-]+):before/g)) names.add(match[2]!);
  return [...names]
    .map(
      (name) =>
        `[class*="t-icon-${name}"]:before{content:''!important;display:inline-block;width:1em;height:1em;background:currentColor;` +
        `-webkit-mask:url(/icons/${name}.svg) center/contain no-repeat;mask:url(/icons/${name}.svg) center/contain no-repeat}`,
    )
    .join('\n');
}

export interface GalleryShot {
  /** File name without extension. */
  id: string;
  title: string;
}

export function pageDocument(shot: GalleryShot, root: Node, simulateStyles: string, sharedStyles: string): string {
  const base = fs.readFileSync(path.join(__dirname, 'wechat-base.css'), 'utf8');
  const styles = rpxToPx(`${sharedStyles}\n${simulateStyles}`)
    .replace(/(^|[}\s,])page(?=[\s{,:])/g, '$1body')
    // The icon font is not fetched: glyphs come from local SVGs.
    .replace(/@font-face\{font-family:t;[^}]*\}/g, '');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=${PHONE_WIDTH}">
<title>${escapeText(shot.title)}</title>
<style>${base}</style>
<style>${styles}</style>
<style>${iconStyles(styles)}</style>
</head><body>${serialize(root)}</body></html>
`;
}

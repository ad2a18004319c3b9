/** WXML put right for simulate where it differs from WeChat, for the gallery's pictures only. */

/** A class written on a TDesign component reaches its root in WeChat; simulate needs it as the component's external class `t-class`. */
export function classForwardedToTDesign(wxml: string): string {
  return wxml.replace(/<(t-[\w-]+)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)(\s*\/?)>/g, (tag, name: string, attributes: string, end: string) => {
    const own = /\sclass="([^"]*)"/.exec(attributes);
    if (!own || /\st-class=/.test(attributes)) return tag;
    return `<${name}${attributes} t-class="${own[1]}"${end}>`;
  });
}

const ICON_FIELDS = ['name', 'size', 'color', 'prefix', 'ariaHidden', 'ariaLabel', 'ariaRole'] as const;

/**
 * TDesign draws its icons through `<template is="icon" data="{{tClass: …, ...icon}}"/>`, whose
 * object spread simulate's template compiler does not evaluate (no icon is drawn). Written out
 * as the `<t-icon>` the template holds, field by field, it renders.
 */
export function iconTemplatesInline(wxml: string): string {
  return wxml.replace(/<template\s+(wx:(?:el)?if="[^"]*")\s+is="icon"\s+data="\{\{([^"]*)\}\}"([^>]*?)\/>/g, (_all, condition: string, data: string, rest: string) => {
    const explicit: Record<string, string> = {};
    let spread = '';
    for (const part of data.split(/,(?![^(]*\))/)) {
      const item = part.trim();
      if (item.startsWith('...')) spread = item.slice(3).trim();
      else if (item.includes(':')) explicit[item.slice(0, item.indexOf(':')).trim()] = item.slice(item.indexOf(':') + 1).trim();
    }
    const field = (name: string) => (spread ? `${spread}.${name} || (${explicit[name] ?? "''"})` : (explicit[name] ?? "''"));
    const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    const attributes = ICON_FIELDS.map((name) => `${kebab(name)}="{{${field(name)}}}"`).join(' ');
    return `<t-icon ${condition} t-class="{{${explicit.tClass ?? "''"}}}" ${attributes}${rest.replace(/catch:tap="[^"]*"/, '')}/>`;
  });
}

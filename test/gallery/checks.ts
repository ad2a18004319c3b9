/**
 * What the gallery checks on every render, run inside the browser on the laid-out page. Plain
 * JavaScript in a function so Playwright can send it to the page as it is (no imports).
 *
 * - overflow: nothing reaches past the 375px phone;
 * - clipped: text cut off by its box (a deliberate one-line or few-line excerpt, written with
 *   text-overflow: ellipsis or line-clamp, is not counted);
 * - squeezed: text pressed into a box narrower than two of its characters, a number, date or
 *   code broken across lines, a tab's name broken across lines, or four tabs or fewer not in one row;
 * - overlap: two pieces of text drawn over each other;
 * - tap-target: something a finger taps smaller than 44 × 44 px.
 * Contrast is axe-core's color-contrast rule, run beside these (photograph.ts).
 */
export interface Finding {
  check: 'overflow' | 'clipped' | 'squeezed' | 'overlap' | 'tap-target' | 'contrast';
  /** The text of the element, to find it on the picture. */
  target: string;
  detail: string;
}

export function layoutFindings({ phoneWidth, minTap }: { phoneWidth: number; minTap: number }): Finding[] {
  const findings: Finding[] = [];
  const label = (element: Element) => (element.getAttribute('aria-label') || (element.textContent ?? '').replace(/\s+/g, ' ').trim() || element.className.toString()).slice(0, 40);
  const visible = (element: Element) => {
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && rect.width > 0 && rect.height > 0;
  };
  const ownText = (element: Element) =>
    Array.from(element.childNodes)
      .filter((node) => node.nodeType === 3)
      .map((node) => node.nodeValue ?? '')
      .join('')
      .trim();
  const all = Array.from(document.body.querySelectorAll('*')).filter(visible);

  for (const element of all) {
    const rect = element.getBoundingClientRect();
    // Reported once, at the outermost element that reaches past the screen.
    const parent = element.parentElement;
    const parentOverflows = parent && parent !== document.body && parent.getBoundingClientRect().right > phoneWidth + 0.5;
    if (rect.right > phoneWidth + 0.5 && !parentOverflows) findings.push({ check: 'overflow', target: label(element), detail: `${Math.round(rect.right)}px wide` });
  }

  for (const element of all) {
    const style = getComputedStyle(element);
    const deliberate = style.textOverflow === 'ellipsis' || (style.webkitLineClamp && style.webkitLineClamp !== 'none');
    const hides = (value: string) => value === 'hidden' || value === 'clip';
    if (deliberate || !(element.textContent ?? '').trim()) continue;
    if ((hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1) || (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1)) {
      findings.push({
        check: 'clipped',
        target: label(element),
        detail: `content ${element.scrollWidth}×${element.scrollHeight}px in a ${element.clientWidth}×${element.clientHeight}px box`,
      });
    }
  }

  /** A dialog drawn over the page (position: fixed) is its own layer: its text is not compared with the page under it. */
  const layerOf = (element: Element): Element | null => {
    for (let node: Element | null = element; node; node = node.parentElement) if (getComputedStyle(node).position === 'fixed') return node;
    return null;
  };
  /** The part of a line its scrolling boxes let be drawn (none when scrolled out of sight). */
  const drawn = (element: Element, rect: DOMRect): DOMRect | null => {
    let { top, bottom } = rect;
    for (let node = element.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
      const clip = node.getBoundingClientRect();
      top = Math.max(top, clip.top);
      bottom = Math.min(bottom, clip.bottom);
    }
    return bottom - top > 1 ? new DOMRect(rect.left, top, rect.width, bottom - top) : null;
  };
  const lineRects: Array<{ element: Element; rect: DOMRect; layer: Element | null }> = [];
  for (const element of all) {
    const text = ownText(element);
    if (!text) continue;
    const fontSize = parseFloat(getComputedStyle(element).fontSize);
    const rect = element.getBoundingClientRect();
    if (text.length > 2 && rect.width < fontSize * 1.9)
      findings.push({ check: 'squeezed', target: label(element), detail: `${Math.round(rect.width)}px wide for ${fontSize}px text` });
    for (const node of Array.from(element.childNodes)) {
      if (node.nodeType !== 3) continue;
      const value = node.nodeValue ?? '';
      const range = document.createRange();
      for (const match of value.matchAll(/[0-9A-Za-z][0-9A-Za-z:./-]{3,}/g)) {
        range.setStart(node, match.index ?? 0);
        range.setEnd(node, (match.index ?? 0) + match[0].length);
        const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        if (tops.size > 1) findings.push({ check: 'squeezed', target: match[0], detail: 'broken across lines' });
      }
      range.selectNodeContents(node);
      for (const r of Array.from(range.getClientRects())) {
        const visible = r.width > 1 && r.height > 1 ? drawn(element, r) : null;
        if (visible) lineRects.push({ element, rect: visible, layer: layerOf(element) });
      }
    }
  }
  for (let i = 0; i < lineRects.length; i += 1) {
    for (let j = i + 1; j < lineRects.length; j += 1) {
      const a = lineRects[i]!;
      const b = lineRects[j]!;
      if (a.element === b.element || a.layer !== b.layer) continue;
      const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      // Line boxes of neighbouring lines touch by a pixel or two; glyphs drawn over glyphs overlap by more.
      if (width > 4 && height > Math.min(a.rect.height, b.rect.height) * 0.35) {
        findings.push({ check: 'overlap', target: `${label(a.element)} / ${label(b.element)}`, detail: `${Math.round(width)}×${Math.round(height)}px` });
      }
    }
  }

  // A list's tabs: each name whole on one line, and four tabs or fewer side by side in one row.
  for (const list of all.filter((element) => element.getAttribute('role') === 'tablist')) {
    const tabs = Array.from(list.querySelectorAll('[role="tab"]')).filter(visible);
    const rows = new Set(tabs.map((tab) => Math.round(tab.getBoundingClientRect().top)));
    if (tabs.length <= 4 && rows.size > 1) findings.push({ check: 'squeezed', target: label(list), detail: `${tabs.length} tabs on ${rows.size} rows` });
    for (const tab of tabs) {
      const name = tab.firstElementChild;
      if (!name) continue;
      const range = document.createRange();
      range.selectNodeContents(name);
      const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      if (lines.size > 1) findings.push({ check: 'squeezed', target: label(tab), detail: 'tab name broken across lines' });
    }
  }

  for (const element of all) {
    if (!element.hasAttribute('data-gallery-tap')) continue;
    // TDesign's tags and icons listen for taps of their own; without a role they are not something to tap.
    if (/t-(tag|icon)--t-(tag|icon)\b/.test(element.className.toString()) && !element.getAttribute('role')) continue;
    // A WeChat label passes its tap to the control inside: the label is what the finger hits.
    const target = element.closest('wx-label') ?? element;
    const rect = target.getBoundingClientRect();
    if (rect.width < minTap - 0.5 || rect.height < minTap - 0.5) {
      findings.push({ check: 'tap-target', target: label(element), detail: `${Math.round(rect.width)}×${Math.round(rect.height)}px` });
    }
  }
  return findings;
}

/**
 * WeChat calls onShow right after onLoad as well as when the user comes back to a page. Pages
 * that refresh on return ask this whether a show is a return, per page instance.
 */
export function returnDetector(): (page: object) => boolean {
  const shown = new WeakSet<object>();
  return (page) => {
    if (shown.has(page)) return true;
    shown.add(page);
    return false;
  };
}

import { reactive } from 'vue';

/** The console's pages' titles, in menu order, by the hash of the address (#/cases?view=toAccept): static hosting needs no rewrites. */
export const PAGE_TITLES: Readonly<Record<string, string>> = {
  '/dashboard': '数据看板',
  '/cases': '意见办理',
  '/directory': '名册导入',
  '/posters': '二维码海报',
  '/calendar': '接待日历',
  '/holidays': '节假日安排',
  '/audit': '查阅记录',
  '/codes': '工作人员与绑定码',
};

function parse(): { path: string; query: Record<string, string> } {
  const hash = location.hash.replace(/^#/, '') || '/dashboard';
  const [path = '/dashboard', search = ''] = hash.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

export const route = reactive(parse());

window.addEventListener('hashchange', () => Object.assign(route, parse()));

export function go(path: string, query: Record<string, string> = {}): void {
  const search = new URLSearchParams(query).toString();
  location.hash = `#${path}${search ? `?${search}` : ''}`;
}

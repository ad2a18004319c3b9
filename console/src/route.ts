import { reactive } from 'vue';

/** The console's pages, by the hash of the address (#/cases?view=toAccept): static hosting needs no rewrites. */
export const PAGES = [
  { path: '/dashboard', title: '数据看板' },
  { path: '/cases', title: '意见办理' },
  { path: '/directory', title: '名册导入' },
  { path: '/posters', title: '二维码海报' },
  { path: '/calendar', title: '接待日历' },
  { path: '/holidays', title: '节假日安排' },
  { path: '/audit', title: '查阅记录' },
  { path: '/codes', title: '工作人员与绑定码' },
] as const;

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

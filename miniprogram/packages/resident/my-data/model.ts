import type { MyData } from '../../../shared/contract/privacy';
import { callApi, toApiError } from '../../../services/api';
import { clearStorage, confirm, copyText } from '../../../services/wx';

export const DELETE_QUESTION = {
  title: '确认注销账号？',
  content: '注销后，您留下的姓名、手机号、位置和照片将被永久删除，无法恢复；您的意见内容会匿名保留，只用于统计。注销前请先取消还没到期的预约。',
  confirmText: '确认注销',
  cancelText: '再想想',
} as const;

export interface MyDataState {
  busy: '' | 'export' | 'delete';
  error: string;
  /** After 导出: what is stored, in plain words. */
  exported: boolean;
  summary: string[];
  downloadUrl: string;
  fileName: string;
  deleted: boolean;
}

export function initialMyDataState(): MyDataState {
  return { busy: '', error: '', exported: false, summary: [], downloadUrl: '', fileName: '', deleted: false };
}

/** What is stored about the resident, one line each, as the page lists it. */
export function summaryOf(data: MyData): string[] {
  const contacts = new Set<string>();
  for (const opinion of data.opinions) {
    if (opinion.contact?.name) contacts.add(`姓名 ${opinion.contact.name}`);
    if (opinion.contact?.phone) contacts.add(`手机号 ${opinion.contact.phone}`);
  }
  for (const booking of data.bookings) {
    if (booking.name) contacts.add(`姓名 ${booking.name}`);
    if (booking.phone) contacts.add(`手机号 ${booking.phone}`);
  }
  const lines = [
    `意见 ${data.opinions.length} 条（含照片 ${data.opinions.reduce((n, o) => n + o.photos.length, 0)} 张）`,
    `预约 ${data.bookings.length} 次`,
    `接待记录 ${data.receptionRecords.length} 条`,
  ];
  if (contacts.size > 0) lines.push(`您留下的联系方式：${[...contacts].join('，')}`);
  return lines;
}

/** 我的数据: see and export everything stored about you (导出), or delete your account (注销). */
export function createMyData(render: (change: Partial<MyDataState>) => void) {
  let busy = false;
  const run = async (kind: 'export' | 'delete', work: () => Promise<void>): Promise<void> => {
    if (busy) return;
    busy = true;
    render({ busy: kind, error: '' });
    try {
      await work();
    } finally {
      busy = false;
      render({ busy: '' });
    }
  };

  return {
    exportData: () =>
      run('export', async () => {
        try {
          const { data, file } = await callApi('privacy.exportMyData', {});
          render({ exported: true, summary: summaryOf(data), downloadUrl: file.url, fileName: file.name });
        } catch (error) {
          render({ error: toApiError(error, 'privacy.exportMyData').message });
        }
      }),
    copyLink: async (url: string): Promise<boolean> => {
      try {
        await copyText(url);
        return true;
      } catch {
        return false;
      }
    },
    deleteAccount: () =>
      run('delete', async () => {
        if (!(await confirm(DELETE_QUESTION))) return;
        try {
          await callApi('privacy.deleteAccount', { confirm: true });
          // Drafts on the phone may hold a name and phone too.
          clearStorage();
          render({ deleted: true, exported: false, summary: [], downloadUrl: '', error: '' });
        } catch (error) {
          render({ error: toApiError(error, 'privacy.deleteAccount').message });
        }
      }),
  };
}

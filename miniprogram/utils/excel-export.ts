/**
 * 导出Excel on a figures page (案件统计, 建议办理情况): the server makes the workbook, WeChat's
 * viewer opens it (from where it can be forwarded or saved), and its link can be copied for a
 * computer when the viewer cannot open it.
 */
import { toApiError } from '../services/api';
import { copyText, downloadFile, openDocument, showToast } from '../services/wx';

export const EXCEL_EXPORT_MESSAGES = {
  openFailed: '文件没能打开。可以点「复制下载链接」，在电脑上打开。',
  copied: '下载链接已复制，可以发到电脑上打开',
} as const;

export interface ExcelExportState<E> {
  exporting: boolean;
  /** What the page says of the workbook made (its name, how many rows). */
  exported: E | null;
  exportError: string;
  opening: boolean;
}

/**
 * `action` names the export in its error; `log` tags what is only logged. `shown` is what the
 * page says of a workbook made. `forget()` drops it when the figures change under it.
 */
export function createExcelExport<F extends { url: string }, E>(options: {
  action: string;
  log: string;
  make: () => Promise<F>;
  shown: (file: F) => E;
  render: (change: Partial<ExcelExportState<E>>) => void;
}) {
  const { log, render } = options;
  let exported: F | null = null;
  return {
    forget(): void {
      exported = null;
    },
    async exportExcel(): Promise<void> {
      render({ exporting: true, exportError: '', exported: null });
      try {
        exported = await options.make();
        render({ exporting: false, exported: options.shown(exported) });
      } catch (error) {
        render({ exporting: false, exportError: toApiError(error, options.action).message });
      }
    },
    async openExport(): Promise<void> {
      if (!exported) return;
      render({ opening: true, exportError: '' });
      try {
        await openDocument(await downloadFile(exported.url), 'xlsx');
      } catch (error) {
        console.warn(`[${log}] export not opened`, error);
        render({ exportError: EXCEL_EXPORT_MESSAGES.openFailed });
      } finally {
        render({ opening: false });
      }
    },
    async copyExportLink(): Promise<void> {
      if (!exported) return;
      try {
        await copyText(exported.url);
        showToast(EXCEL_EXPORT_MESSAGES.copied);
      } catch (error) {
        console.warn(`[${log}] link not copied`, error);
      }
    },
  };
}

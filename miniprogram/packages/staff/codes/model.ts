import { normalizeBindingCode } from '../../../shared/domain/bindingCode';
import type { SceneKind } from '../../../shared/domain/scene';
import { callApi, toApiError } from '../../../services/api';
import { previewImages } from '../../../services/wx';
import { saveToAlbum } from '../../../utils/save-image';
import { formatDateTime } from '../../../utils/date';
import { deputyItem, stationItem, type DeputyItem, type StationItem } from '../../../views/directory';
import { oneAtATime } from '../../../utils/one-at-a-time';

export const STAFF_MESSAGES = {
  emptyKeyword: '请输入代表姓名',
  noMatch: '没有找到这个姓名的代表',
  saved: '二维码已保存到相册',
  albumDenied: '没有保存到相册的权限。可以点「查看大图」后长按图片保存，或在右上角「···」→「设置」中允许保存到相册。',
  saveFailed: '保存失败，请点「查看大图」后长按图片保存',
} as const;

export interface Selected {
  kind: SceneKind;
  id: string;
  name: string;
}

export interface IssuedCodeView {
  deputyName: string;
  /** ABCD EFGH: two groups, read out to the deputy or written on paper. */
  groups: string[];
  expiresLabel: string;
}

export interface StaffCodesState {
  mode: SceneKind;
  keyword: string;
  searching: boolean;
  searchMessage: string;
  deputies: DeputyItem[];
  stationsLoading: boolean;
  stations: StationItem[];
  selected: Selected | null;
  working: boolean;
  /** What went wrong with the last action (out of scope, retired, network), in plain words. */
  actionError: string;
  issued: IssuedCodeView | null;
  qrUrl: string;
}

export function initialStaffCodesState(): StaffCodesState {
  return {
    mode: 'deputy',
    keyword: '',
    searching: false,
    searchMessage: '',
    deputies: [],
    stationsLoading: false,
    stations: [],
    selected: null,
    working: false,
    actionError: '',
    issued: null,
    qrUrl: '',
  };
}

/** 8 characters in two groups of four. */
export function codeGroups(code: string): string[] {
  const normalized = normalizeBindingCode(code);
  return [normalized.slice(0, 4), normalized.slice(4)].filter(Boolean);
}

/**
 * The staff's minimum tools: pick a deputy (by name) or a station, then issue the deputy a
 * one-time binding code, or make the QR code to print for either. What staff may act on is
 * the server's to decide; its refusal is shown as it says.
 */
export function createStaffCodes(render: (change: Partial<StaffCodesState>) => void) {
  let selected: Selected | null = null;
  let qrUrl = '';
  const runner = oneAtATime(render, 'staff codes');

  async function act(action: () => Promise<Partial<StaffCodesState>>): Promise<void> {
    if (!selected) return;
    await runner.step(action, { clear: { actionError: '' }, refused: (error) => ({ actionError: error.message }) });
  }

  return {
    async chooseMode(mode: SceneKind): Promise<void> {
      render({ mode, selected: null, issued: null, qrUrl: '', actionError: '' });
      selected = null;
      if (mode !== 'station') return;
      render({ stationsLoading: true });
      try {
        const { stations } = await callApi('directory.listStations', {});
        render({ stationsLoading: false, stations: stations.map(stationItem) });
      } catch (error) {
        render({ stationsLoading: false, actionError: toApiError(error).message });
      }
    },
    setKeyword(keyword: string): void {
      render({ keyword, searchMessage: '' });
    },
    async search(keyword: string): Promise<void> {
      const wanted = keyword.trim();
      if (!wanted) {
        render({ searchMessage: STAFF_MESSAGES.emptyKeyword, deputies: [] });
        return;
      }
      render({ searching: true, searchMessage: '' });
      try {
        const { deputies } = await callApi('directory.searchDeputies', { keyword: wanted });
        render({ searching: false, deputies: deputies.map(deputyItem), searchMessage: deputies.length ? '' : STAFF_MESSAGES.noMatch });
      } catch (error) {
        render({ searching: false, searchMessage: toApiError(error).message });
      }
    },
    select(next: Selected): void {
      selected = next;
      qrUrl = '';
      render({ selected, issued: null, qrUrl, actionError: '' });
    },
    unselect(): void {
      selected = null;
      render({ selected: null, issued: null, qrUrl: '', actionError: '' });
    },
    issueBindingCode(): Promise<void> {
      return act(async () => {
        const issued = await callApi('admin.issueBindingCode', { deputyId: (selected as Selected).id });
        return {
          issued: { deputyName: issued.deputyName, groups: codeGroups(issued.code), expiresLabel: `${formatDateTime(issued.expiresAt)}前有效，只能使用一次` },
        };
      });
    },
    createQrCode(): Promise<void> {
      return act(async () => {
        const target = selected as Selected;
        const qr = await callApi('admin.createQrCode', { kind: target.kind, id: target.id });
        qrUrl = qr.url;
        return { qrUrl };
      });
    },
    previewQr(): void {
      if (qrUrl) previewImages([qrUrl], qrUrl);
    },
    async saveQr(): Promise<void> {
      if (!qrUrl) return;
      const refused = await saveToAlbum(qrUrl, { saved: STAFF_MESSAGES.saved, denied: STAFF_MESSAGES.albumDenied, failed: () => STAFF_MESSAGES.saveFailed }, 'staff');
      if (refused) render({ actionError: refused });
    },
  };
}

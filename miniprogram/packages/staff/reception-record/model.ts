import { RULE_LIMITS } from '../../../shared/domain/reception';
import { callApi, toApiError } from '../../../services/api';
import type { LoadStatus } from '../../../utils/load-state';

export const ITEM_MAX_LENGTH = 500;
export const ITEMS_MAX = 20;

export const RECORD_MESSAGES = {
  notFound: '名单里没有这位来访者，请返回名单重新进入',
  notArrived: '来访者还没有签到，请先签到再填写接待记录',
  empty: '请至少写一件来访者反映的事情',
  itemLong: `每一条最多${ITEM_MAX_LENGTH}个字，可以分成几条写`,
  noteLong: `备注最多${ITEM_MAX_LENGTH}个字`,
  saved: '接待记录已保存',
} as const;

export interface RecordItem {
  key: string;
  text: string;
  /** Enters the opinion handling loop in the visitor's name. */
  toOpinion: boolean;
}

export interface DeputyChoice {
  id: string;
  name: string;
  chosen: boolean;
}

export interface ReceptionRecordState {
  status: LoadStatus;
  errorMessage: string;
  visitor: string;
  topic: string;
  deputies: DeputyChoice[];
  items: RecordItem[];
  itemsMax: number;
  note: string;
  formError: string;
  saving: boolean;
  saved: boolean;
}

export function initialReceptionRecordState(): ReceptionRecordState {
  return { status: 'loading', errorMessage: '', visitor: '', topic: '', deputies: [], items: [], itemsMax: ITEMS_MAX, note: '', formError: '', saving: false, saved: false };
}

/** What stops the record from being saved, in words; '' when it can be. */
export function recordProblem(items: readonly RecordItem[], note: string): string {
  const written = items.filter((item) => item.text.trim());
  if (written.length === 0) return RECORD_MESSAGES.empty;
  if (written.some((item) => item.text.trim().length > ITEM_MAX_LENGTH)) return RECORD_MESSAGES.itemLong;
  return note.trim().length > ITEM_MAX_LENGTH ? RECORD_MESSAGES.noteLong : '';
}

/**
 * After a visit, staff (or the deputy) note what was raised, item by item; an item marked
 * 转为意见建议 enters the opinion handling loop in the visitor's name. Saving again replaces
 * the record.
 */
export function createReceptionRecord(dayId: string, bookingId: string, render: (change: Partial<ReceptionRecordState>) => void) {
  let items: RecordItem[] = [];
  let deputies: DeputyChoice[] = [];
  let note = '';
  let keys = 0;
  let saving = false;

  const newItem = (): RecordItem => ({ key: `item-${(keys += 1)}`, text: '', toOpinion: false });
  const update = (key: string, change: Partial<RecordItem>) => {
    items = items.map((item) => (item.key === key ? { ...item, ...change } : item));
    render({ items, formError: '' });
  };

  return {
    async load(): Promise<void> {
      render({ status: 'loading', errorMessage: '' });
      try {
        const roster = await callApi('booking.getRoster', { dayId });
        const entry = roster.entries.find((e) => e._id === bookingId);
        if (!entry || entry.status !== 'checkedIn') {
          render({ status: 'error', errorMessage: entry ? RECORD_MESSAGES.notArrived : RECORD_MESSAGES.notFound });
          return;
        }
        items = [newItem()];
        deputies = roster.deputies.map((d) => ({ id: d._id, name: d.name, chosen: true }));
        render({ status: 'ready', visitor: entry.name, topic: entry.topic, deputies, items, note });
      } catch (error) {
        render({ status: 'error', errorMessage: toApiError(error, 'booking.getRoster').message });
      }
    },
    toggleDeputy(id: string): void {
      deputies = deputies.map((d) => (d.id === id ? { ...d, chosen: !d.chosen } : d));
      render({ deputies });
    },
    setText: (key: string, text: string) => update(key, { text }),
    setToOpinion: (key: string, toOpinion: boolean) => update(key, { toOpinion }),
    addItem(): void {
      if (items.length >= ITEMS_MAX) return;
      items = [...items, newItem()];
      render({ items });
    },
    removeItem(key: string): void {
      items = items.length > 1 ? items.filter((item) => item.key !== key) : [newItem()];
      render({ items });
    },
    setNote(text: string): void {
      note = text;
      render({ note, formError: '' });
    },
    async save(): Promise<void> {
      if (saving) return;
      const problem = recordProblem(items, note);
      if (problem) {
        render({ formError: problem });
        return;
      }
      saving = true;
      render({ saving: true, formError: '' });
      try {
        await callApi('booking.recordReception', {
          bookingId,
          deputyIds: deputies.filter((d) => d.chosen).map((d) => d.id).slice(0, RULE_LIMITS.deputiesOnDuty),
          items: items.filter((item) => item.text.trim()).map((item) => ({ text: item.text.trim(), toOpinion: item.toOpinion })),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        render({ saving: false, saved: true });
      } catch (error) {
        render({ saving: false, formError: toApiError(error, 'booking.recordReception').message });
      } finally {
        saving = false;
      }
    },
  };
}

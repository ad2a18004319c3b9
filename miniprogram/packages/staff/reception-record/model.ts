import type { VisitRecord } from '../../../shared/contract/booking';
import { RECEPTION_ITEM_MAX_LENGTH, RECEPTION_OPINION_TEXT_MIN, type ReceptionItem } from '../../../shared/domain/booking';
import { OPINION_CATEGORIES, OPINION_CATEGORY_LABELS, textLength, type OpinionCategory } from '../../../shared/domain/opinion';
import { RULE_LIMITS } from '../../../shared/domain/reception';
import { callApi, toApiError } from '../../../services/api';
import type { LoadStatus } from '../../../utils/load-state';

export const ITEM_MAX_LENGTH = RECEPTION_ITEM_MAX_LENGTH;
export const ITEMS_MAX = 20;

export const RECORD_MESSAGES = {
  notFound: '名单里没有这位来访者，请返回名单重新进入',
  notArrived: '来访者还没有签到，请先签到再填写接待记录',
  empty: '请至少写一件来访者反映的事情',
  itemLong: `每一条最多${ITEM_MAX_LENGTH}个字，可以分成几条写`,
  opinionShort: `转为意见的事项请至少写${RECEPTION_OPINION_TEXT_MIN}个字，说清是什么问题`,
  noteLong: `备注最多${ITEM_MAX_LENGTH}个字`,
  saved: '接待记录已保存',
} as const;

export interface RecordItem {
  key: string;
  text: string;
  /** Enters the opinion handling loop in the visitor's name. */
  toOpinion: boolean;
  /** Index into CATEGORY_LABELS: the opinion's category (其他 unless chosen). */
  categoryIndex: number;
  /** Already an opinion: it stays one, as written then; shown with its tracking number. */
  opinionId: string | null;
  trackingNo: string | null;
}

export const CATEGORY_LABELS = OPINION_CATEGORIES.map((category) => OPINION_CATEGORY_LABELS[category]);
const OTHER_INDEX = OPINION_CATEGORIES.indexOf('other');

function categoryAt(index: number): OpinionCategory {
  return OPINION_CATEGORIES[index] ?? 'other';
}

/** An item of the record the server holds, as the form shows it. */
export function recordItem(item: ReceptionItem, key: string): RecordItem {
  return {
    key,
    text: item.text,
    toOpinion: item.toOpinion,
    categoryIndex: Math.max(0, OPINION_CATEGORIES.indexOf(item.category)),
    opinionId: item.opinionId,
    trackingNo: item.trackingNo,
  };
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
  categoryLabels: string[];
  /** Editing a record written before. */
  editing: boolean;
  /** After saving: the tracking numbers of the opinions the items became (、-joined), to tell the visitor. */
  trackingNos: string;
  note: string;
  formError: string;
  saving: boolean;
  saved: boolean;
}

export function initialReceptionRecordState(): ReceptionRecordState {
  return {
    status: 'loading',
    errorMessage: '',
    visitor: '',
    topic: '',
    deputies: [],
    items: [],
    itemsMax: ITEMS_MAX,
    categoryLabels: CATEGORY_LABELS,
    editing: false,
    trackingNos: '',
    note: '',
    formError: '',
    saving: false,
    saved: false,
  };
}

/** What stops the record from being saved, in words; '' when it can be. */
export function recordProblem(items: readonly Pick<RecordItem, 'text' | 'toOpinion'>[], note: string): string {
  const written = items.filter((item) => item.text.trim());
  if (written.length === 0) return RECORD_MESSAGES.empty;
  if (written.some((item) => item.text.trim().length > ITEM_MAX_LENGTH)) return RECORD_MESSAGES.itemLong;
  if (written.some((item) => item.toOpinion && textLength(item.text) < RECEPTION_OPINION_TEXT_MIN)) return RECORD_MESSAGES.opinionShort;
  return note.trim().length > ITEM_MAX_LENGTH ? RECORD_MESSAGES.noteLong : '';
}

/** What the form sends for an item: a converted one names its opinion, so it is never converted twice. */
export function itemPayload(item: RecordItem): { text: string; toOpinion: boolean; category: OpinionCategory; opinionId?: string } {
  return { text: item.text.trim(), toOpinion: item.toOpinion, category: categoryAt(item.categoryIndex), ...(item.opinionId ? { opinionId: item.opinionId } : {}) };
}

/**
 * After a visit, staff (or the deputy) note what was raised, item by item; an item marked
 * 转为意见建议 enters the opinion handling loop in the visitor's name. A record written before
 * opens for editing; items already turned into opinions stay as they are.
 */
export function createReceptionRecord(bookingId: string, render: (change: Partial<ReceptionRecordState>) => void) {
  let items: RecordItem[] = [];
  let deputies: DeputyChoice[] = [];
  let note = '';
  let keys = 0;
  let saving = false;

  const newItem = (): RecordItem => ({ key: `item-${(keys += 1)}`, text: '', toOpinion: false, categoryIndex: OTHER_INDEX, opinionId: null, trackingNo: null });
  const update = (key: string, change: Partial<RecordItem>) => {
    items = items.map((item) => (item.key === key && !item.opinionId ? { ...item, ...change } : item));
    render({ items, formError: '' });
  };
  const show = ({ visit, deputies: onDuty, record }: VisitRecord) => {
    items = record ? record.items.map((item) => recordItem(item, `item-${(keys += 1)}`)) : [newItem()];
    const chosen = new Set(record ? record.deputyIds : onDuty.map((d) => d._id));
    deputies = onDuty.map((d) => ({ id: d._id, name: d.name, chosen: chosen.has(d._id) }));
    note = record?.note ?? '';
    render({ status: 'ready', visitor: visit.name, topic: visit.topic, deputies, items, note, editing: !!record });
  };

  return {
    async load(): Promise<void> {
      render({ status: 'loading', errorMessage: '' });
      try {
        const visit = await callApi('booking.getRecord', { bookingId });
        if (visit.visit.status !== 'checkedIn') {
          render({ status: 'error', errorMessage: RECORD_MESSAGES.notArrived });
          return;
        }
        show(visit);
      } catch (error) {
        const apiError = toApiError(error, 'booking.getRecord');
        render({ status: 'error', errorMessage: apiError.code === 'COMMON.NOT_FOUND' ? RECORD_MESSAGES.notFound : apiError.message });
      }
    },
    toggleDeputy(id: string): void {
      deputies = deputies.map((d) => (d.id === id ? { ...d, chosen: !d.chosen } : d));
      render({ deputies });
    },
    setText: (key: string, text: string) => update(key, { text }),
    setToOpinion: (key: string, toOpinion: boolean) => update(key, { toOpinion }),
    setCategory: (key: string, index: number) => update(key, { categoryIndex: index }),
    addItem(): void {
      if (items.length >= ITEMS_MAX) return;
      items = [...items, newItem()];
      render({ items });
    },
    /** An item already an opinion is not removed: the opinion is in the handling loop. */
    removeItem(key: string): void {
      if (items.some((item) => item.key === key && item.opinionId)) return;
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
        const { record } = await callApi('booking.recordReception', {
          bookingId,
          deputyIds: deputies
            .filter((d) => d.chosen)
            .map((d) => d.id)
            .slice(0, RULE_LIMITS.deputiesOnDuty),
          items: items.filter((item) => item.text.trim()).map(itemPayload),
          ...(note.trim() ? { note: note.trim() } : {}),
        });
        items = record.items.map((item) => recordItem(item, `item-${(keys += 1)}`));
        const trackingNos = record.items.flatMap((item) => (item.trackingNo ? [item.trackingNo] : [])).join('、');
        render({ saving: false, saved: true, editing: true, items, trackingNos });
      } catch (error) {
        render({ saving: false, formError: toApiError(error, 'booking.recordReception').message });
      } finally {
        saving = false;
      }
    },
  };
}

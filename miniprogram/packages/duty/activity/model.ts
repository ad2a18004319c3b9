import type { ActivityView } from '../../../shared/contract/duty';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, type ActivityType } from '../../../shared/domain/duty';
import { shanghaiDate } from '../../../shared/domain/time';
import { callApi } from '../../../services/api';
import { appClock } from '../../../services/clock';
import { showToast } from '../../../services/wx';
import { loading, settle, type Loaded } from '../../../utils/load-state';
import { oneAtATime, refusalText } from '../../../utils/one-at-a-time';
import { randomId } from '../../../utils/random';

export const ACTIVITY_MESSAGES = { chooseType: '请先选择活动类型', added: '已提交，等待工作人员确认' } as const;

export interface ActivityRow {
  id: string;
  title: string;
  note: string;
  statusLabel: string;
  pending: boolean;
}

export interface ActivityPageView {
  rows: ActivityRow[];
}

export interface DutyActivityState extends Loaded<ActivityPageView> {
  types: ReadonlyArray<{ value: ActivityType; label: string }>;
  type: ActivityType | '';
  date: string;
  today: string;
  place: string;
  note: string;
  formError: string;
  working: boolean;
}

/** The deputy's activities of the year, newest first, each with where it stands (待工作人员确认, 已确认…). */
export function toActivityPageView(activities: readonly ActivityView[]): ActivityPageView {
  return {
    rows: [...activities]
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
      .map((activity) => ({
        id: activity.activityId,
        title: `${activity.date} ${activity.typeLabel}：${activity.place}`,
        note: activity.note,
        statusLabel: activity.statusLabel,
        pending: activity.status === 'pending',
      })),
  };
}

export function initialDutyActivityState(): DutyActivityState {
  const today = shanghaiDate(appClock.now());
  return {
    ...loading<ActivityPageView>(),
    types: ACTIVITY_TYPES.map((value) => ({ value, label: ACTIVITY_TYPE_LABELS[value] })),
    type: '',
    date: today,
    today,
    place: '',
    note: '',
    formError: '',
    working: false,
  };
}

/**
 * 添加履职活动: the deputy records an activity outside the product (视察, 调研, 会议…) with its date,
 * place and a note; it counts once station staff confirm it, and until then shows as awaiting.
 * One request id per form, so a retried submit adds the activity once.
 */
export function createDutyActivity(render: (change: Partial<DutyActivityState>) => void) {
  const form = { type: '' as ActivityType | '', date: initialDutyActivityState().date, place: '', note: '' };
  let requestId = randomId();
  const runner = oneAtATime(render, 'duty activity');
  async function load(): Promise<void> {
    const year = Number(form.date.slice(0, 4));
    render(
      await settle(
        () => callApi('duty.getRecord', { year }),
        (record) => toActivityPageView(record.activities),
      ),
    );
  }
  return {
    load,
    choose(type: ActivityType): void {
      form.type = type;
      render({ type, formError: '' });
    },
    set(field: 'date' | 'place' | 'note', value: string): void {
      form[field] = value;
      render({ [field]: value, formError: '' });
    },
    async submit(): Promise<void> {
      const type = form.type;
      if (!type) return render({ formError: ACTIVITY_MESSAGES.chooseType });
      await runner.step(
        async () => {
          await callApi('duty.addActivity', { clientRequestId: requestId, type, date: form.date, place: form.place.trim(), note: form.note.trim(), photos: [] });
          requestId = randomId();
          form.type = '';
          form.place = '';
          form.note = '';
          render({ type: '', place: '', note: '' });
          showToast(ACTIVITY_MESSAGES.added);
          await load();
        },
        { clear: { formError: '' }, refused: (error) => ({ formError: refusalText(error) }) },
      );
    },
  };
}

import type { PendingWork } from '../../../shared/contract/duty';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, type ActivityType } from '../../../shared/domain/duty';
import { callApi } from '../../../services/api';
import { oneAtATime, refusalText } from '../../../utils/one-at-a-time';
import { showToast } from '../../../services/wx';
import { loading, settle, type Loaded } from '../../../utils/load-state';

export const DUTY_WORK_MESSAGES = {
  confirmed: '已确认，计入履职档案',
  notConfirmed: '已记为未确认',
  leaveApproved: '已批准请假',
  leaveRefused: '已记为未批准',
  upheld: '已采纳，档案已更新',
  dismissed: '已记为未采纳',
  chooseMissing: '请选择补录活动的类型',
} as const;

export interface WorkRow {
  id: string;
  title: string;
  detail: string;
  note: string;
}

export interface LeaveRow extends WorkRow {
  dayId: string;
  deputyId: string;
}

export interface ContestRow extends WorkRow {
  missing: boolean;
}

export interface ActivityWorkRow extends WorkRow {
  photos: string[];
  photosLabel: string;
}

export interface DutyWorkView {
  activities: ActivityWorkRow[];
  leaves: LeaveRow[];
  contests: ContestRow[];
  summary: string;
}

export interface DecisionForm {
  contestId: string;
  missing: boolean;
  note: string;
  type: ActivityType | '';
  date: string;
  place: string;
}

export interface DutyWorkState extends Loaded<DutyWorkView> {
  deciding: DecisionForm | null;
  types: ReadonlyArray<{ value: ActivityType; label: string }>;
  formError: string;
  working: boolean;
}

const names = (list: readonly string[]): string => list.filter((name) => name).join('、');

/** What waits for staff, each row naming the deputy and what to decide. */
export function toDutyWorkView(work: PendingWork): DutyWorkView {
  const count = work.activities.length + work.leaves.length + work.contests.length;
  return {
    activities: work.activities.map((activity) => ({
      id: activity.activityId,
      title: `${names(activity.deputyNames)} · ${activity.date} ${activity.typeLabel}`,
      detail: `地点：${activity.place}${activity.stationNames.length ? `（${names(activity.stationNames)}）` : ''}`,
      note: activity.note,
      photos: activity.photos,
      photosLabel: activity.photos.length > 0 ? `照片${activity.photos.length}张` : '',
    })),
    leaves: work.leaves.map((leave) => ({
      id: `${leave.dayId}|${leave.deputyId}`,
      dayId: leave.dayId,
      deputyId: leave.deputyId,
      title: `${leave.deputyName} · ${leave.date} ${leave.stationName}接待日`,
      detail: '请假',
      note: `理由：${leave.reason}`,
    })),
    contests: work.contests.map((contest) => ({
      id: contest.contestId,
      missing: contest.kind === 'missing',
      title: `${contest.deputyName} · ${contest.year}年档案 · ${contest.kindLabel}`,
      detail: contest.entryTitle ? `所指记录：${contest.entryTitle}` : contest.kind === 'missing' ? '认为漏记了一项活动' : '所指记录已不在档案中',
      note: `理由：${contest.reason}`,
    })),
    summary: count === 0 ? '暂无待处理的事项' : `共${count}项待处理`,
  };
}

export function initialDutyWorkState(): DutyWorkState {
  return {
    ...loading<DutyWorkView>(),
    deciding: null,
    types: ACTIVITY_TYPES.map((value) => ({ value, label: ACTIVITY_TYPE_LABELS[value] })),
    formError: '',
    working: false,
  };
}

/**
 * 履职待办 for staff: confirm (or not) the activities deputies added, approve (or refuse) leave for
 * a reception day, and decide contests of 错、重、漏 with a note the deputy reads on their record
 * (an upheld 漏 adds the missing activity). Every decision reloads the list from the server.
 */
export function createDutyWork(render: (change: Partial<DutyWorkState>) => void) {
  let view: DutyWorkView | null = null;
  let deciding: DecisionForm | null = null;
  const steps = oneAtATime<DutyWorkState>(render, 'duty work');

  async function load(): Promise<void> {
    const loaded = await settle(() => callApi('duty.listPending', {}), toDutyWorkView);
    view = loaded.view;
    render(loaded);
  }

  async function act(call: () => Promise<unknown>, done: string): Promise<void> {
    await steps.step(
      async () => {
        await call();
        showToast(done);
        deciding = null;
        render({ deciding: null });
        await load();
      },
      { clear: { formError: '' }, refused: (error) => ({ formError: refusalText(error) }) },
    );
  }

  return {
    load,
    reviewActivity(activityId: string, confirm: boolean): Promise<void> {
      return act(() => callApi('duty.reviewActivity', { activityId, confirm }), confirm ? DUTY_WORK_MESSAGES.confirmed : DUTY_WORK_MESSAGES.notConfirmed);
    },
    decideLeave(rowId: string, approve: boolean): Promise<void> {
      const leave = view?.leaves.find((row) => row.id === rowId);
      if (!leave) return Promise.resolve();
      return act(
        () => callApi('duty.setAttendance', { dayId: leave.dayId, deputyId: leave.deputyId, attendance: approve ? 'leaveApproved' : 'leaveRefused' }),
        approve ? DUTY_WORK_MESSAGES.leaveApproved : DUTY_WORK_MESSAGES.leaveRefused,
      );
    },
    openDecision(contestId: string, today: string): void {
      const contest = view?.contests.find((row) => row.id === contestId);
      if (!contest) return;
      deciding = { contestId, missing: contest.missing, note: '', type: '', date: today, place: '' };
      render({ deciding, formError: '' });
    },
    closeDecision(): void {
      deciding = null;
      render({ deciding: null, formError: '' });
    },
    setDecision(field: 'note' | 'date' | 'place', value: string): void {
      if (!deciding) return;
      deciding = { ...deciding, [field]: value };
      render({ deciding, formError: '' });
    },
    chooseType(type: ActivityType): void {
      if (!deciding) return;
      deciding = { ...deciding, type };
      render({ deciding, formError: '' });
    },
    decideContest(uphold: boolean): Promise<void> {
      const form = deciding;
      if (!form) return Promise.resolve();
      if (uphold && form.missing && !form.type) {
        render({ formError: DUTY_WORK_MESSAGES.chooseMissing });
        return Promise.resolve();
      }
      const missing = uphold && form.missing && form.type ? { type: form.type, date: form.date, place: form.place.trim() } : undefined;
      return act(
        () => callApi('duty.decideContest', { contestId: form.contestId, uphold, note: form.note.trim(), ...(missing ? { missing } : {}) }),
        uphold ? DUTY_WORK_MESSAGES.upheld : DUTY_WORK_MESSAGES.dismissed,
      );
    },
  };
}

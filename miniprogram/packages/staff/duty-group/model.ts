import type { DeputyRow } from '../../../shared/contract/duty';
import { callApi } from '../../../services/api';
import { oneAtATime, refusalText } from '../../../utils/one-at-a-time';
import { showToast } from '../../../services/wx';
import { loading, settle, type Loaded } from '../../../utils/load-state';
import { randomId } from '../../../utils/random';
import { createActivityForm, initialActivityFormState, type ActivityFormState } from '../../../utils/activity-form';

export const GROUP_MESSAGES = { chooseDeputies: '请至少选择一位代表', chooseType: '请先选择活动类型' } as const;

export interface DeputyChoice {
  id: string;
  name: string;
  stations: string;
  chosen: boolean;
}

export interface GroupView {
  deputies: DeputyChoice[];
  /** More deputies follow in the staff member's scope (an area's come a page at a time). */
  more: boolean;
}

export interface DutyGroupState extends Loaded<GroupView>, ActivityFormState {
  chosenCount: number;
  done: string;
  working: boolean;
}

export function toGroupView(deputies: readonly DeputyRow[], chosen: ReadonlySet<string>, more = false): GroupView {
  return {
    deputies: deputies.map((deputy) => ({ id: deputy.deputyId, name: deputy.name, stations: deputy.stationNames.join('、'), chosen: chosen.has(deputy.deputyId) })),
    more,
  };
}

export function initialDutyGroupState(): DutyGroupState {
  return { ...loading<GroupView>(), ...initialActivityFormState(), chosenCount: 0, done: '', working: false };
}

/**
 * 为代表添加活动: staff record one activity (a 视察 or a 培训 the deputies attended together) for
 * every deputy they pick among those they cover; it counts at once on each deputy's record, no
 * confirmation needed. One request id per form, so a retried submit adds it once.
 */
export function createDutyGroup(render: (change: Partial<DutyGroupState>) => void) {
  const form = createActivityForm(render);
  const chosen = new Set<string>();
  let deputies: DeputyRow[] = [];
  let nextCursor: string | null = null;
  let requestId = randomId();
  const steps = oneAtATime<DutyGroupState>(render, 'duty group activity');
  const view = () => toGroupView(deputies, chosen, nextCursor !== null);
  const renderChoices = () => render({ view: view(), chosenCount: chosen.size, formError: '', done: '' });

  return {
    async load(): Promise<void> {
      render(
        await settle(
          () => callApi('duty.listDeputies', { year: form.year() }),
          (answer) => {
            deputies = answer.deputies;
            nextCursor = answer.nextCursor;
            return view();
          },
          (view) => view.deputies.length === 0,
        ),
      );
    },
    /** The next page of the scope's deputies, below those shown; what was chosen stays chosen. */
    async more(): Promise<void> {
      if (nextCursor === null) return;
      const cursor = nextCursor;
      await steps.step(
        async () => {
          const answer = await callApi('duty.listDeputies', { year: form.year(), cursor });
          deputies = [...deputies, ...answer.deputies];
          nextCursor = answer.nextCursor;
          renderChoices();
        },
        { clear: { formError: '' }, refused: (error) => ({ formError: refusalText(error) }) },
      );
    },
    toggle(deputyId: string): void {
      if (chosen.has(deputyId)) chosen.delete(deputyId);
      else chosen.add(deputyId);
      renderChoices();
    },
    choose: form.choose,
    set: form.set,
    async submit(): Promise<void> {
      if (chosen.size === 0) return render({ formError: GROUP_MESSAGES.chooseDeputies });
      const fields = form.fields();
      if (!fields) return render({ formError: GROUP_MESSAGES.chooseType });
      await steps.step(
        async () => {
          const names = [...chosen].map((id) => deputies.find((deputy) => deputy.deputyId === id)?.name ?? '');
          const { activity } = await callApi('duty.addActivity', {
            clientRequestId: requestId,
            ...fields,
            photos: [],
            deputyIds: [...chosen],
          });
          requestId = randomId();
          chosen.clear();
          const cleared = form.clear();
          const done = `已为${names.join('、')}添加“${activity.typeLabel}：${activity.place}”，已计入履职档案`;
          render({ ...cleared, view: view(), chosenCount: 0, done });
          showToast('已添加');
        },
        { clear: { formError: '', done: '' }, refused: (error) => ({ formError: refusalText(error) }) },
      );
    },
  };
}

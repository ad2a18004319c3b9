import { definePage } from '../../../factory/define-page';
import type { InputEvent, TapEvent } from '../../../utils/events';
import type { ActivityType } from '../../../shared/domain/duty';
import { shanghaiDate } from '../../../shared/domain/time';
import { appClock } from '../../../services/clock';
import { navigateTo } from '../../../services/wx';
import { STAFF_DUTY_GROUP_URL, STAFF_DUTY_REVIEWS_URL, STAFF_DUTY_RULES_URL } from '../../../routes';
import { createDutyWork, initialDutyWorkState, type DutyWorkState } from './model';

type RowTap = TapEvent<{ id: string }>;

definePage<DutyWorkState, Record<string, never>, ReturnType<typeof createDutyWork>>({
  name: 'staff-duty-work',
  data: initialDutyWorkState,
  model: (page) => createDutyWork(page.render),
  refresh: (work) => work.load(),
  events: {
    onConfirmActivity: (work, event: RowTap) => work.reviewActivity(event.currentTarget.dataset.id, true),
    onRejectActivity: (work, event: RowTap) => work.reviewActivity(event.currentTarget.dataset.id, false),
    onApproveLeave: (work, event: RowTap) => work.decideLeave(event.currentTarget.dataset.id, true),
    onRefuseLeave: (work, event: RowTap) => work.decideLeave(event.currentTarget.dataset.id, false),
    onOpenDecision: (work, event: RowTap) => work.openDecision(event.currentTarget.dataset.id, shanghaiDate(appClock.now())),
    onCloseDecision: (work) => work.closeDecision(),
    onDecisionNote: (work, event: InputEvent) => work.setDecision('note', event.detail.value),
    onDecisionDate: (work, event: InputEvent) => work.setDecision('date', event.detail.value),
    onDecisionPlace: (work, event: InputEvent) => work.setDecision('place', event.detail.value),
    onChooseType: (work, event: TapEvent<{ type: ActivityType }>) => work.chooseType(event.currentTarget.dataset.type),
    onUphold: (work) => work.decideContest(true),
    onDismiss: (work) => work.decideContest(false),
    onGroupActivity: () => navigateTo(STAFF_DUTY_GROUP_URL),
    onReviews: () => navigateTo(STAFF_DUTY_REVIEWS_URL),
    onRules: () => navigateTo(STAFF_DUTY_RULES_URL),
  },
});

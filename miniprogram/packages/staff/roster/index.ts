import { definePage } from '../../../factory/define-page';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffRecordUrl, staffScheduleUrl, staffWalkInUrl } from '../routes';
import { createStaffRoster, initialStaffRosterState } from './model';

definePage({
  name: 'staff-roster',
  data: initialStaffRosterState,
  model: (page) => createStaffRoster(page.render),
  load: (roster, page) => roster.start(page.query),
  /** Back from a walk-in, a record or the schedule: the roster has changed. */
  refresh: (roster) => roster.refresh(),
  events: {
    onStation: (roster, event: TapEvent<{ id: string }>) => roster.chooseStation(event.currentTarget.dataset.id),
    onChangeStation: (roster) => roster.changeStation(),
    onWindow: (roster, event: TapEvent<{ direction: string }>) => roster.moveWindow(event.currentTarget.dataset.direction === '-1' ? -1 : 1),
    onDay: (roster, event: TapEvent<{ id: string }>) => roster.chooseDay(event.currentTarget.dataset.id),
    onScan: (roster) => roster.scanToCheckIn(),
    onCode: (roster, event: WechatMiniprogram.CustomEvent<{ value: string }>) => roster.setCode(event.detail.value),
    onCheckInTyped: (roster, _event, page) => roster.checkInTyped(page.data().code),
    onCheckInEntry: (roster, event: TapEvent<{ code: string }>) => roster.checkInEntry(event.currentTarget.dataset.code),
    onWalkIn: (_roster, _event, page) => navigateTo(staffWalkInUrl(page.data().dayId)),
    onRecord: (_roster, event: TapEvent<{ id: string }>, page) => navigateTo(staffRecordUrl(page.data().dayId, event.currentTarget.dataset.id)),
    onSchedule: (_roster, _event, page) => navigateTo(staffScheduleUrl(page.data().stationId)),
  },
});

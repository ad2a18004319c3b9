import { fontScaleBehavior } from '../../../behaviors/font-scale';
import type { TapEvent } from '../../../utils/events';
import { navigateTo } from '../../../services/wx';
import { staffRecordUrl, staffScheduleUrl, staffWalkInUrl } from '../routes';
import { createStaffRoster, initialStaffRosterState, type StaffRosterState } from './model';
import { returnDetector } from '../../../utils/return-detector';

const rosters = new WeakMap<object, ReturnType<typeof createStaffRoster>>();
const isReturn = returnDetector();

Component({
  behaviors: [fontScaleBehavior],
  data: initialStaffRosterState(),
  methods: {
    onLoad(query: { stationId?: string; dayId?: string }) {
      const roster = createStaffRoster((change: Partial<StaffRosterState>) => this.setData(change));
      rosters.set(this, roster);
      return roster.start(query);
    },
    /** Back from a walk-in, a record or the schedule: the roster has changed. */
    onShow() {
      if (!isReturn(this)) return undefined;
      return rosters.get(this)?.refresh();
    },
    onRetry() {
      return rosters.get(this)?.retry();
    },
    onStation(event: TapEvent<{ id: string }>) {
      return rosters.get(this)?.chooseStation(event.currentTarget.dataset.id);
    },
    onChangeStation() {
      rosters.get(this)?.changeStation();
    },
    onWindow(event: TapEvent<{ direction: string }>) {
      return rosters.get(this)?.moveWindow(event.currentTarget.dataset.direction === '-1' ? -1 : 1);
    },
    onDay(event: TapEvent<{ id: string }>) {
      return rosters.get(this)?.chooseDay(event.currentTarget.dataset.id);
    },
    onScan() {
      return rosters.get(this)?.scanToCheckIn();
    },
    onCode(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      rosters.get(this)?.setCode(event.detail.value);
    },
    onCheckInTyped() {
      return rosters.get(this)?.checkInTyped(this.data.code);
    },
    onCheckInEntry(event: TapEvent<{ code: string }>) {
      return rosters.get(this)?.checkInEntry(event.currentTarget.dataset.code);
    },
    onWalkIn() {
      return navigateTo(staffWalkInUrl(this.data.dayId));
    },
    onRecord(event: TapEvent<{ id: string }>) {
      return navigateTo(staffRecordUrl(this.data.dayId, event.currentTarget.dataset.id));
    },
    onSchedule() {
      return navigateTo(staffScheduleUrl(this.data.stationId));
    },
  },
});

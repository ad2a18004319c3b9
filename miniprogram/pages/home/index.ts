import { fontScaleBehavior } from '../../behaviors/font-scale';
import type { TapEvent } from '../../utils/events';
import type { FontScale } from '../../shared/domain/account';
import { navigateTo } from '../../services/wx';
import {
  DEPUTY_BIND_URL,
  DEPUTY_INBOX_URL,
  MY_BOOKINGS_URL,
  MY_DATA_URL,
  MY_OPINIONS_URL,
  STAFF_ASSIGNED_URL,
  STAFF_BIND_URL,
  STAFF_CASES_URL,
  STAFF_CODES_URL,
  STAFF_DIRECTORY_URL,
  STAFF_HOLIDAYS_URL,
  STAFF_ROSTER_URL,
  STATIONS_URL,
} from '../../routes';
import { NO_ROLES, type RoleEntries } from '../../stores/profile';
import { changeFontScale, FONT_SCALE_OPTIONS, scanAndOpen, showRoleEntries } from './model';

Component({
  behaviors: [fontScaleBehavior],
  data: {
    fontScaleOptions: FONT_SCALE_OPTIONS,
    ...NO_ROLES,
  },
  methods: {
    /** Every time: back from binding, the 代表工作台 entry is there. */
    onShow() {
      return showRoleEntries((roles: RoleEntries) => this.setData(roles));
    },
    onFindStations() {
      return navigateTo(STATIONS_URL);
    },
    onScan() {
      return scanAndOpen();
    },
    onMyOpinions() {
      return navigateTo(MY_OPINIONS_URL);
    },
    onMyBookings() {
      return navigateTo(MY_BOOKINGS_URL);
    },
    onMyData() {
      return navigateTo(MY_DATA_URL);
    },
    onStaffReception() {
      return navigateTo(STAFF_ROSTER_URL);
    },
    onStaffDirectory() {
      return navigateTo(STAFF_DIRECTORY_URL);
    },
    onStaffHolidays() {
      return navigateTo(STAFF_HOLIDAYS_URL);
    },
    onDeputyDesk() {
      return navigateTo(DEPUTY_INBOX_URL);
    },
    onStaffDesk() {
      return navigateTo(STAFF_CODES_URL);
    },
    onBindDeputy() {
      return navigateTo(DEPUTY_BIND_URL);
    },
    onStaffCases() {
      return navigateTo(STAFF_CASES_URL);
    },
    onHandlerDesk() {
      return navigateTo(STAFF_ASSIGNED_URL);
    },
    onBindStaff() {
      return navigateTo(STAFF_BIND_URL);
    },
    onFontScale(event: TapEvent<{ scale: FontScale }>) {
      return changeFontScale(event.currentTarget.dataset.scale);
    },
  },
});

import { definePage, type PageContext } from '../../factory/define-page';
import type { TapEvent } from '../../utils/events';
import type { FontScale } from '../../shared/domain/account';
import { navigateTo } from '../../services/wx';
import {
  DEPUTY_BIND_URL,
  DEPUTY_INBOX_URL,
  MESSAGES_URL,
  MY_BOOKINGS_URL,
  MY_DATA_URL,
  MY_OPINIONS_URL,
  STAFF_ASSIGNED_URL,
  STAFF_BIND_URL,
  STAFF_CASES_URL,
  STAFF_CODES_URL,
  STAFF_DIRECTORY_URL,
  STAFF_DUTY_WORK_URL,
  STAFF_HOLIDAYS_URL,
  STAFF_ROSTER_URL,
  STATIONS_URL,
} from '../../routes';
import { NO_ROLES, type RoleEntries } from '../../stores/profile';
import { changeFontScale, FONT_SCALE_OPTIONS, scanAndOpen, showRoleEntries, type UnreadBadge } from './model';

type HomeState = RoleEntries & UnreadBadge & { fontScaleOptions: typeof FONT_SCALE_OPTIONS };

/** Every show, one call: back from binding, the 代表工作台 entry is there; back from 我的消息, its badge is down. */
const showRoles = async (_model: unknown, page: PageContext<HomeState>) => showRoleEntries(page.render);

definePage({
  name: 'home',
  data: (): HomeState => ({ fontScaleOptions: FONT_SCALE_OPTIONS, unreadMessages: 0, unreadBadge: '', ...NO_ROLES }),
  load: showRoles,
  refresh: showRoles,
  events: {
    onFindStations: () => navigateTo(STATIONS_URL),
    onScan: () => scanAndOpen(),
    onMyOpinions: () => navigateTo(MY_OPINIONS_URL),
    onMyBookings: () => navigateTo(MY_BOOKINGS_URL),
    onMessages: () => navigateTo(MESSAGES_URL),
    onMyData: () => navigateTo(MY_DATA_URL),
    onStaffReception: () => navigateTo(STAFF_ROSTER_URL),
    onStaffDirectory: () => navigateTo(STAFF_DIRECTORY_URL),
    onStaffHolidays: () => navigateTo(STAFF_HOLIDAYS_URL),
    onStaffDuty: () => navigateTo(STAFF_DUTY_WORK_URL),
    onDeputyDesk: () => navigateTo(DEPUTY_INBOX_URL),
    onStaffDesk: () => navigateTo(STAFF_CODES_URL),
    onBindDeputy: () => navigateTo(DEPUTY_BIND_URL),
    onStaffCases: () => navigateTo(STAFF_CASES_URL),
    onHandlerDesk: () => navigateTo(STAFF_ASSIGNED_URL),
    onBindStaff: () => navigateTo(STAFF_BIND_URL),
    onFontScale: (_model, event: TapEvent<{ scale: FontScale }>) => changeFontScale(event.currentTarget.dataset.scale),
  },
});

/**
 * What the gallery photographs: every page of the app in its main states, as the resident, the
 * deputy or the staff member who sees it, against the demo data of the local runtime. Each
 * scenario is photographed at every text size the gallery is asked for.
 */
import type { PageDriver, PageName } from '../miniprogram/support/page';
import type { WxDouble } from '../miniprogram/support/wx-double';
import { BEISHAN_STAFF as STATION_STAFF, DEMO_RESIDENT as RESIDENT, JIANGNAN_STAFF as DISTRICT_STAFF, JN_CIVIL_HANDLER as HANDLER } from '../support/people';

export { RESIDENT, DISTRICT_STAFF, STATION_STAFF, HANDLER };
/** A resident who has never written or booked: the empty states. */
export const NEW_RESIDENT = 'gallery-new-resident';
/** Bound as a deputy (陈建华) before the photographs. */
export const DEPUTY = 'gallery-deputy';
/** Residents a deputy replied to without a subscribe-message acceptance: one keeps the news unread (the badge), one reads it. */
export const NEWS_RESIDENT = 'gallery-news-resident';
export const NEWS_READER = 'gallery-news-reader';

export interface ScenarioContext {
  wx: WxDouble;
  open(name: PageName, query?: Record<string, string>): Promise<PageDriver>;
  /** Taps `text` on `page` and opens the page the tap navigated to. */
  follow(page: PageDriver, text: string | RegExp, name: PageName): Promise<PageDriver>;
}

export interface Scenario {
  id: string;
  title: string;
  /** Whose phone. */
  openid: string;
  open(context: ScenarioContext): Promise<PageDriver>;
}

const opened =
  (name: PageName, query: Record<string, string> = {}) =>
  (context: ScenarioContext) =>
    context.open(name, query);

export const SCENARIOS: readonly Scenario[] = [
  { id: 'home', title: '首页', openid: RESIDENT, open: opened('home') },
  { id: 'home-staff', title: '首页（工作人员）', openid: DISTRICT_STAFF, open: opened('home') },
  { id: 'stations', title: '找代表/联络站', openid: RESIDENT, open: opened('stations') },
  { id: 'station', title: '联络站', openid: RESIDENT, open: opened('station', { stationId: 'st-linjiang' }) },
  { id: 'station-error', title: '联络站（找不到）', openid: RESIDENT, open: opened('station', { stationId: 'st-gone' }) },
  { id: 'deputy', title: '代表', openid: RESIDENT, open: opened('deputy', { deputyId: 'dp-001' }) },
  { id: 'project-round-finished', title: '民生实事项目票决（结果已公布）', openid: RESIDENT, open: opened('projectRound', { roundId: 'demo-round-jiangnan' }) },
  { id: 'project-round-running', title: '民生实事项目票决（征求意见中）', openid: RESIDENT, open: opened('projectRound', { roundId: 'demo-round-linjiang' }) },
  { id: 'project-rounds', title: '民生实事项目票决（联络站所在地区的票决活动）', openid: RESIDENT, open: opened('projectRounds', { stationId: 'st-nanhu' }) },
  { id: 'project-candidate', title: '民生实事项目（进展与关注）', openid: RESIDENT, open: opened('projectCandidate', { candidateId: 'demo-round-jiangnan-c001' }) },
  { id: 'project-candidate-comments', title: '候选项目（征求意见）', openid: RESIDENT, open: opened('projectCandidate', { candidateId: 'demo-round-linjiang-c001' }) },
  { id: 'figures', title: '公开数据（联络站）', openid: RESIDENT, open: opened('figures', { stationId: 'st-nanhu' }) },
  {
    id: 'figures-area',
    title: '公开数据（区域，去年，含票决项目）',
    openid: RESIDENT,
    async open({ open }) {
      const page = await open('figures', { areaId: 'area-jiangnan' });
      await page.tap('去年');
      await page.waitFor(() => page.data.status === 'ready', 'last year');
      return page;
    },
  },
  {
    id: 'figure-items',
    title: '公开数据明细（已隐去个人信息）',
    openid: RESIDENT,
    open: async (context) => {
      const page = await context.open('figures', { stationId: 'st-nanhu' });
      await page.tap('上月');
      await page.waitFor(() => page.data.status === 'ready', 'last month');
      return context.follow(page, '收集意见', 'figureItems');
    },
  },
  { id: 'scan-error', title: '扫码（无法识别）', openid: RESIDENT, open: opened('scan', { scene: 'hello' }) },
  { id: 'opinion-new', title: '写意见', openid: RESIDENT, open: opened('opinionNew', { stationId: 'st-nanhu', name: '南湖街道人大代表联络站' }) },
  {
    id: 'opinion-new-errors',
    title: '写意见（提交时有错）',
    openid: RESIDENT,
    async open({ open }) {
      const page = await open('opinionNew', { stationId: 'st-nanhu', name: '南湖街道人大代表联络站' });
      await page.tap('提交');
      return page;
    },
  },
  {
    id: 'privacy-popup',
    title: '隐私保护提示（写意见前）',
    openid: RESIDENT,
    async open({ open }) {
      // WeChat asks as the form opens: the popup the resident must be able to answer at every text size.
      const listeners: Array<(resolve: (answer: unknown) => void) => void> = [];
      Object.assign((globalThis as unknown as { wx: object }).wx, { onNeedPrivacyAuthorization: (listener: (typeof listeners)[number]) => listeners.push(listener) });
      const page = await open('opinionNew', { stationId: 'st-nanhu', name: '南湖街道人大代表联络站' });
      listeners.at(-1)?.(() => undefined);
      await page.waitFor(() => page.data.privacyVisible === true, 'the privacy popup');
      return page;
    },
  },
  { id: 'my-opinions', title: '我的意见', openid: RESIDENT, open: opened('myOpinions') },
  { id: 'my-opinions-empty', title: '我的意见（还没有）', openid: NEW_RESIDENT, open: opened('myOpinions') },
  { id: 'opinion', title: '意见详情', openid: RESIDENT, open: opened('opinion', { opinionId: 'op-demo-001' }) },
  { id: 'opinion-replied', title: '意见详情（已回复）', openid: RESIDENT, open: opened('opinion', { opinionId: 'op-demo-003' }) },
  { id: 'booking-days', title: '预约接待', openid: RESIDENT, open: opened('bookingDays', { stationId: 'st-linjiang' }) },
  {
    id: 'booking-new',
    title: '填写预约',
    openid: RESIDENT,
    open: async (context) => context.follow(await context.open('bookingDays', { stationId: 'st-linjiang' }), '预约', 'bookingNew'),
  },
  { id: 'my-bookings', title: '我的预约', openid: RESIDENT, open: opened('myBookings') },
  { id: 'home-unread', title: '首页（有未读消息）', openid: NEWS_RESIDENT, open: opened('home') },
  { id: 'messages', title: '我的消息', openid: NEWS_READER, open: opened('messages') },
  { id: 'messages-empty', title: '我的消息（还没有）', openid: NEW_RESIDENT, open: opened('messages') },
  { id: 'my-bookings-empty', title: '我的预约（还没有）', openid: NEW_RESIDENT, open: opened('myBookings') },
  { id: 'check-in-error', title: '签到（码不对）', openid: RESIDENT, open: opened('checkIn', { scene: 'c%3DABCDEFGHJKMN' }) },
  { id: 'my-data', title: '我的数据', openid: RESIDENT, open: opened('myData') },
  { id: 'follow-up', title: '回访', openid: RESIDENT, open: opened('followUp', { opinionId: 'op-demo-003' }) },
  { id: 'deputy-bind', title: '代表绑定', openid: NEW_RESIDENT, open: opened('deputyBind') },
  { id: 'deputy-inbox', title: '代表工作台', openid: DEPUTY, open: opened('deputyInbox') },
  { id: 'deputy-opinion', title: '代表看意见', openid: DEPUTY, open: opened('deputyOpinion', { opinionId: 'op-demo-001' }) },
  { id: 'staff-bind', title: '工作人员绑定', openid: NEW_RESIDENT, open: opened('staffBind') },
  { id: 'staff-codes', title: '工作人员', openid: DISTRICT_STAFF, open: opened('staffCodes') },
  { id: 'staff-cases', title: '意见办理', openid: DISTRICT_STAFF, open: opened('staffCases') },
  { id: 'staff-cases-overdue', title: '意见办理（已超期）', openid: DISTRICT_STAFF, open: opened('staffCases', { view: 'overdue' }) },
  { id: 'staff-case', title: '办理一件意见', openid: DISTRICT_STAFF, open: opened('staffCase', { opinionId: 'case-demo-05' }) },
  { id: 'staff-assigned', title: '承办工作台', openid: HANDLER, open: opened('staffAssigned') },
  { id: 'staff-stats', title: '办理统计', openid: DISTRICT_STAFF, open: opened('staffStats') },
  {
    id: 'staff-drill-down',
    title: '统计明细',
    openid: DISTRICT_STAFF,
    open: async (context) => context.follow(await context.open('staffStats'), '意见建议', 'staffDrillDown'),
  },
  { id: 'staff-roster', title: '接待名单', openid: STATION_STAFF, open: opened('staffRoster') },
  { id: 'staff-schedule', title: '接待日安排', openid: STATION_STAFF, open: opened('staffSchedule', { stationId: 'st-beishan' }) },
  { id: 'staff-walk-in', title: '现场登记', openid: STATION_STAFF, open: opened('staffWalkIn') },
  { id: 'staff-directory', title: '联络站与代表', openid: DISTRICT_STAFF, open: opened('staffDirectory') },
  { id: 'staff-station-edit', title: '新建联络站', openid: DISTRICT_STAFF, open: opened('staffStationEdit') },
  { id: 'staff-deputy-edit', title: '编辑代表', openid: DISTRICT_STAFF, open: opened('staffDeputyEdit', { deputyId: 'dp-001' }) },
  { id: 'staff-holidays', title: '节假日安排', openid: DISTRICT_STAFF, open: opened('staffHolidays') },
  { id: 'duty-activity', title: '添加履职活动', openid: 'demo-deputy-zhang', open: opened('dutyActivity') },
  { id: 'staff-duty-work', title: '代表履职待办', openid: 'demo-staff-city', open: opened('staffDutyWork') },
  { id: 'staff-duty-group', title: '为代表添加活动', openid: DISTRICT_STAFF, open: opened('staffDutyGroup') },
  { id: 'staff-duty-reviews', title: '述职评议（工作人员）', openid: 'demo-staff-city', open: opened('staffDutyReviews') },
  { id: 'staff-duty-rules', title: '积分规则', openid: 'demo-staff-city', open: opened('staffDutyRules', { areaId: 'area-jiangbei' }) },
  { id: 'deputy-suggestions', title: '我的代表建议', openid: 'demo-deputy-liu', open: opened('deputySuggestions') },
  { id: 'staff-suggestions', title: '代表建议办理', openid: 'demo-staff-city', open: opened('staffSuggestions') },
  { id: 'staff-suggestions-assigned', title: '建议承办', openid: 'demo-handler-city-jiaotong', open: opened('staffSuggestionsAssigned') },
  { id: 'duty-record-zhou', title: '履职档案（周小燕）', openid: 'demo-deputy-zhou', open: opened('dutyRecord') },
];

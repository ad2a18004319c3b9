import type { BookingDocument, DayDocument, RecordDocument } from '../../infra/documents/booking';
import { newDay } from '../../cloudfunctions/booking/days';
import { dailyCounterId } from '../../cloudfunctions/core/trackingSequence';
import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';
import { deriveEntries } from '../../cloudfunctions/duty/record';
import { COLLECTIONS } from '../../infra/database';
import {
  attendanceIdFor,
  commentIdFor,
  ratingIdFor,
  reportIdFor,
  rulesIdFor,
  type ActivityDocument,
  type AttendanceDocument,
  type RatingDocument,
  type ReportDocument,
  type ReviewDocument,
  type RulesDocument,
} from '../../infra/documents/duty';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { bookingCodeFrom } from '../../miniprogram/shared/domain/bookingCode';
import { DEFAULT_POINTS_RULES, draftReport, figuresOf, type ActivityType, type ReviewRating } from '../../miniprogram/shared/domain/duty';
import { DEFAULT_RECEPTION_RULE } from '../../miniprogram/shared/domain/reception';
import { addDays, shanghaiDate, shanghaiInstant } from '../../miniprogram/shared/domain/time';
import { at, demoCase, type DemoCase } from './demoCasework';
import { seedBooking, seedRecord } from './visits';
import { DEMO_DEPUTIES, DEMO_STATIONS, demoReceptionDays } from './demoData';

/**
 * Demo data for 代表履职: 周小燕 (dp-008) of 临江街道联络站 in 江北区 with a full year of record —
 * the reception day of every month of last year and this year so far (one on approved leave),
 * the residents she received, opinions she answered and how residents rated them, activities
 * outside the product (confirmed, one for a group by staff, one still awaiting confirmation),
 * 江北区's points rules in two dated versions, and last year's 述职评议, ended, with ratings and
 * comments (one withheld by moderation) and her answers. Everything sits in 江北区 and before the
 * seed's day, away from what the tests of 江南区 and of the coming reception days count.
 */

export const DEMO_DUTY_DEPUTY = 'dp-008';
export const DEMO_DUTY_REVIEW = 'rv-demo-duty-last-year';
export const DEMO_DUTY_AREA = 'area-jiangbei';
/** 周小燕's WeChat account (use as x-wx-openid): the demo's deputy with a record to read. */
export const DEMO_DUTY_ACCOUNT = 'demo-deputy-zhou';
const COLLEAGUE = 'dp-004';
const STATION_ID = 'st-linjiang';
const STAFF = 'demo-staff-city';

const station = DEMO_STATIONS.find((s) => s._id === STATION_ID) as (typeof DEMO_STATIONS)[number];
const deputy = DEMO_DEPUTIES.find((d) => d._id === DEMO_DUTY_DEPUTY) as (typeof DEMO_DEPUTIES)[number];

/** The openid of the n-th demo voter who visited the station (and may rate the report). */
export const demoDutyVoter = (n: number): string => `demo-duty-voter-${String(n).padStart(2, '0')}`;

/** The 15th of a month, or the first working day after it. */
function receptionDate(year: number, month: number): string {
  let date = `${year}-${String(month).padStart(2, '0')}-15`;
  while (!packageCalendar.isWorkingDay(date)) date = addDays(date, 1);
  return date;
}

function pastDays(today: string): DayDocument[] {
  const thisYear = Number(today.slice(0, 4));
  const days: DayDocument[] = [];
  for (const year of [thisYear - 1, thisYear]) {
    for (let month = 1; month <= 12; month += 1) {
      const date = receptionDate(year, month);
      if (date >= today) continue;
      const created = shanghaiInstant(addDays(date, -30), '09:00');
      days.push({
        ...newDay(station, { ...DEFAULT_RECEPTION_RULE, deputyIds: [DEMO_DUTY_DEPUTY, COLLEAGUE] }, { date, nominalDate: date }, 'manual', created),
        deputyIds: [DEMO_DUTY_DEPUTY, COLLEAGUE],
      });
    }
  }
  return days;
}

const VISITOR_NAMES = ['李大爷', '王阿姨', '赵先生', '钱女士', '孙大姐', '周先生', '吴阿姨', '郑大爷'];
const TOPICS = ['小区加装电梯', '老旧小区雨污分流', '菜市场周边停车', '社区食堂开办', '学校门口交通安全', '公园健身器材维修'];

function visits(days: DayDocument[], onLeave: string): { bookings: BookingDocument[]; records: RecordDocument[] } {
  const bookings: BookingDocument[] = [];
  const records: RecordDocument[] = [];
  let serial = 0;
  days.forEach((day, i) => {
    const slot = day.slots[0];
    if (!slot) throw new Error('demo duty day without slots');
    for (let k = 0; k < 1 + (i % 3); k += 1) {
      serial += 1;
      const _id = `bk-duty-${String(serial).padStart(3, '0')}`;
      const openid = demoDutyVoter(((serial - 1) % 12) + 1);
      const arrived = shanghaiInstant(day.date, '09:20');
      const name = VISITOR_NAMES[serial % VISITOR_NAMES.length] as string;
      const topic = TOPICS[serial % TOPICS.length] as string;
      const booking: BookingDocument = {
        ...seedBooking(
          day,
          { ...slot, index: 0 },
          {
            _id,
            code: bookingCodeFrom([3, 21, Math.floor(serial / 31 / 31) % 31, Math.floor(serial / 31) % 31, serial % 31, 11]),
            kind: 'online',
            openid,
            status: 'checkedIn',
            name,
            phone: '13600000000',
            topic,
            queuedAt: day.createdAt,
            createdAt: day.createdAt,
            updatedAt: arrived,
          },
        ),
        checkedInAt: arrived,
        checkedInBy: 'qr',
        late: false,
      };
      bookings.push(booking);
      // On her leave day her colleague received them alone.
      records.push(seedRecord(booking, { deputyIds: day._id === onLeave ? [COLLEAGUE] : [DEMO_DUTY_DEPUTY], recordedBy: STAFF, recordedAt: shanghaiInstant(day.date, '11:30') }));
    }
  });
  return { bookings, records };
}

/** Opinions left for her over the last fourteen months, each answered by her and rated or closed unrated (older than the casework demo's month). */
function opinionSeeds(): DemoCase[] {
  const texts: Array<[number, number, ReviewRating | null, string, string]> = [
    [420, 2, 'satisfied', '和平路人行道地砖松动，雨天一踩一脚水。', '已请街道城管科本周内修复，修好后请您再看看。'],
    [380, 1, 'satisfied', '和平社区老年活动室冬天没有暖气。', '已与社区商定加装空调，下月投入使用。'],
    [330, 3, null, '小区门口早市占道，救护车进不来。', '已联系街道执法队划定早市范围，留出消防通道。'],
    [290, 2, 'satisfied', '希望社区卫生服务站周末也能开门。', '卫生服务站已同意周六上午开诊。'],
    [240, 4, 'dissatisfied', '楼下烧烤店油烟太大，晚上开窗都不行。', '已请环保部门检测，店家需加装油烟净化器。'],
    [190, 1, 'satisfied', '公交8路末班车太早，下夜班回不了家。', '已向公交公司反映，末班车延后到22:30。'],
    [140, 2, 'satisfied', '和平路小学门口缺少减速带。', '交警已在学校门口两侧加装减速带。'],
    [100, 3, 'satisfied', '社区里流浪猫太多，希望有人管一管。', '已联系志愿者组织开展绝育放归。'],
    [70, 1, null, '小区垃圾分类亭位置离楼太远。', '已与物业商定增设一处分类亭。'],
  ];
  return texts.map(([daysAgo, replyAfter, rating, text, reply], i) => ({
    id: `case-duty-${String(i + 1).padStart(2, '0')}`,
    author: demoDutyVoter((i % 12) + 1),
    stationId: STATION_ID,
    deputyId: DEMO_DUTY_DEPUTY,
    submitted: at(daysAgo, '10:00'),
    category: 'urbanConstruction',
    text,
    steps: [
      { at: at(daysAgo - replyAfter, '16:00'), do: 'reply', deputyId: DEMO_DUTY_DEPUTY, text: reply },
      // Unrated: the casework timer closed it as 未评价 when the rating window ran out, as it would have.
      rating ? { at: at(daysAgo - replyAfter - 2, '20:00'), do: 'rate' as const, rating } : { at: at(daysAgo - replyAfter - 8, '10:30'), do: 'expireRating' as const },
    ],
  }));
}

function activities(today: string, thisYear: number): ActivityDocument[] {
  const last = thisYear - 1;
  const rows: Array<[string, ActivityType, string, string, 'deputy' | 'staff', string[]]> = [
    [`${last}-03-22`, 'inspection', '临江市第一水厂', '视察饮用水水质提升工程进展'],
    [`${last}-05-12`, 'research', '和平社区', '调研老旧小区加装电梯的难点'],
    [`${last}-06-18`, 'votersMeeting', '和平社区党群服务中心', '代表·选民面对面，听取对社区改造的意见'],
    [`${last}-08-26`, 'training', '市人大常委会', '参加代表履职学习培训'],
    [`${last}-10-15`, 'officialsMeeting', '临江街道办事处', '代表·局长面对面，交通局回应公交线路调整'],
    [`${last}-11-20`, 'meeting', '市人大常委会', '列席市人大常委会会议'],
    [`${thisYear}-03-18`, 'inspection', '江北区垃圾分类处理中心', '视察垃圾分类处理能力'],
    [`${thisYear}-05-20`, 'research', '临江街道各小区', '调研社区食堂运营情况'],
  ].map(([date, type, place, note]) => [date as string, type as ActivityType, place as string, note as string, 'deputy' as const, [DEMO_DUTY_DEPUTY]]);
  rows.push([`${last}-09-10`, 'votersMeeting', '临江街道人大代表联络站', '街道组织代表集中接待选民', 'staff', [DEMO_DUTY_DEPUTY, COLLEAGUE]]);
  const confirmed = rows
    .filter(([date]) => date < today)
    .map(([date, type, place, note, addedBy, deputyIds], i): ActivityDocument => ({
      _id: `act-demo-duty-${String(i + 1).padStart(2, '0')}`,
      deputyIds,
      areaPath: station.areaPath,
      stationIds: [STATION_ID],
      type,
      date,
      place,
      note,
      photos: [],
      status: 'confirmed',
      addedBy,
      addedByOpenid: addedBy === 'staff' ? STAFF : DEMO_DUTY_ACCOUNT,
      decidedBy: STAFF,
      decidedAt: shanghaiInstant(addDays(date, 2), '10:00'),
      createdAt: shanghaiInstant(date, '18:00'),
    }));
  const pendingDate = addDays(today, -3);
  const pending: ActivityDocument = {
    _id: 'act-demo-duty-pending',
    deputyIds: [DEMO_DUTY_DEPUTY],
    areaPath: station.areaPath,
    stationIds: [STATION_ID],
    type: 'research',
    date: pendingDate,
    place: '和平社区养老服务站',
    note: '调研居家养老上门服务的需求',
    photos: [],
    status: 'pending',
    addedBy: 'deputy',
    addedByOpenid: DEMO_DUTY_ACCOUNT,
    createdAt: shanghaiInstant(pendingDate, '18:00'),
  };
  return [...confirmed, pending];
}

function rules(thisYear: number): RulesDocument[] {
  const base = DEFAULT_POINTS_RULES.rules;
  const version = (effectiveFrom: string, changes: Partial<typeof base>, missedDayPenalty: number): RulesDocument => ({
    _id: rulesIdFor(DEMO_DUTY_AREA, effectiveFrom),
    kind: 'rules',
    areaId: DEMO_DUTY_AREA,
    effectiveFrom,
    rules: { ...base, ...changes },
    missedDayPenalty,
    savedBy: STAFF,
    savedAt: shanghaiInstant(addDays(effectiveFrom, -20), '10:00'),
  });
  return [
    version(`${thisYear - 1}-01-01`, { 'activity.votersMeeting': { points: 5, capPerYear: 20 } }, 2),
    version(`${thisYear}-01-01`, { dutyDay: { points: 4, capPerYear: null }, 'activity.votersMeeting': { points: 5, capPerYear: 20 } }, 3),
  ];
}

const RATINGS: Array<[ReviewRating, string | null, 'published' | 'rejected']> = [
  ['satisfied', '周代表每次接待都很耐心，反映的问题都有回音。', 'published'],
  ['satisfied', null, 'published'],
  ['satisfied', '加装电梯的事希望今年能继续推动。', 'published'],
  ['basicallySatisfied', '烧烤店油烟的问题还没有彻底解决。', 'published'],
  ['satisfied', null, 'published'],
  ['dissatisfied', '打电话 13912345678 找我，别的不说了！！！', 'rejected'],
  ['satisfied', null, 'published'],
];

/** What the seed writes for 代表履职, collection by collection. */
export function demoDutyBatches(now: Date): Array<[string, object[]]> {
  const today = shanghaiDate(now);
  const thisYear = Number(today.slice(0, 4));
  const lastYear = thisYear - 1;
  const days = pastDays(today);
  const leaveDay = days.find((day) => day.date.startsWith(`${lastYear}-07`)) as DayDocument;
  const { bookings, records } = visits(days, leaveDay._id);
  const cases = opinionSeeds().map((seed, i) => demoCase(seed, today, 51 + i));
  const counters = cases.map((doc, i) => ({ _id: dailyCounterId(station.code, shanghaiDate(new Date(doc.createdAt))), value: 51 + i }));
  const attendance: AttendanceDocument[] = [
    {
      _id: attendanceIdFor(leaveDay._id, DEMO_DUTY_DEPUTY),
      dayId: leaveDay._id,
      deputyId: DEMO_DUTY_DEPUTY,
      date: leaveDay.date,
      stationId: STATION_ID,
      stationName: station.name,
      areaPath: station.areaPath,
      leave: {
        reason: '参加省人大组织的集中视察',
        status: 'approved',
        askedAt: shanghaiInstant(addDays(leaveDay.date, -7), '09:00'),
        decidedAt: shanghaiInstant(addDays(leaveDay.date, -6), '09:00'),
        decidedBy: STAFF,
      },
      absent: false,
      updatedAt: shanghaiInstant(addDays(leaveDay.date, -6), '09:00'),
    },
  ];
  // A leave she asked for an upcoming day on her roster, for staff to approve.
  const upcoming = demoReceptionDays(today).find((day) => day.stationId === STATION_ID && day.deputyIds.includes(DEMO_DUTY_DEPUTY));
  if (upcoming) {
    attendance.push({
      _id: attendanceIdFor(upcoming._id, DEMO_DUTY_DEPUTY),
      dayId: upcoming._id,
      deputyId: DEMO_DUTY_DEPUTY,
      date: upcoming.date,
      stationId: STATION_ID,
      stationName: station.name,
      areaPath: station.areaPath,
      leave: { reason: '参加市人大常委会组织的执法检查', status: 'asked', askedAt: shanghaiInstant(addDays(today, -1), '09:00') },
      absent: false,
      updatedAt: shanghaiInstant(addDays(today, -1), '09:00'),
    });
  }
  const acts = activities(today, thisYear);

  // Last year's 述职评议: the report drafted from the record as openReview drafts it, rated and ended.
  const opensOn = addDays(today, -40);
  const closesOn = addDays(today, -12);
  const inLastYear = (date: string) => date.startsWith(`${lastYear}-`);
  const entries = deriveEntries(
    DEMO_DUTY_DEPUTY,
    lastYear,
    {
      days: days.filter((day) => inLastYear(day.date)),
      attendance,
      receptions: records,
      opinions: cases as OpinionDocument[],
      suggestions: [],
      activities: acts.filter((activity) => inLastYear(activity.date)),
      contests: [],
    },
    opensOn,
  );
  const figures = figuresOf(entries);
  const review: ReviewDocument = {
    _id: DEMO_DUTY_REVIEW,
    areaId: DEMO_DUTY_AREA,
    areaPath: ['area-linjiang', DEMO_DUTY_AREA],
    title: `${lastYear}年度代表述职评议`,
    year: lastYear,
    deputyIds: [DEMO_DUTY_DEPUTY],
    opensOn,
    closesOn,
    audience: 'constituents',
    openedBy: STAFF,
    createdAt: shanghaiInstant(addDays(opensOn, -5), '10:00'),
  };
  const reportId = reportIdFor(review._id, DEMO_DUTY_DEPUTY);
  const ratings: RatingDocument[] = RATINGS.map(([rating, comment, state], i) => {
    const openid = demoDutyVoter(i + 1);
    return {
      _id: ratingIdFor(reportId, openid),
      reportId,
      reviewId: review._id,
      deputyId: DEMO_DUTY_DEPUTY,
      openid,
      rating,
      comment,
      commentId: comment ? commentIdFor(reportId, openid) : null,
      commentState: comment ? state : null,
      createdAt: shanghaiInstant(addDays(opensOn, 2 + i), '20:00'),
    };
  });
  const answered = ratings.filter((row) => row.commentId && row.commentState === 'published');
  const report: ReportDocument = {
    _id: reportId,
    reviewId: review._id,
    deputyId: DEMO_DUTY_DEPUTY,
    deputyName: deputy.name,
    text: draftReport(deputy.name, lastYear, figures, entries),
    figures,
    answers: Object.fromEntries(
      answered.slice(0, 2).map((row, i) => [row.commentId as string, i === 0 ? '谢谢您的信任，我会继续每月进站接待。' : '加装电梯已列入街道今年的民生实事，我会跟进到底。']),
    ),
    editedAt: shanghaiInstant(addDays(opensOn, -1), '21:00'),
    createdAt: review.createdAt,
  };
  return [
    [COLLECTIONS.accounts, [{ _id: DEMO_DUTY_ACCOUNT, roles: ['resident', 'deputy'], deputy: { deputyId: DEMO_DUTY_DEPUTY, name: deputy.name }, createdAt: now }]],
    [COLLECTIONS.receptionDays, days],
    [COLLECTIONS.bookings, bookings],
    [COLLECTIONS.receptionRecords, records],
    [COLLECTIONS.opinions, cases],
    [COLLECTIONS.counters, counters],
    [COLLECTIONS.dutyAttendance, attendance],
    [COLLECTIONS.dutyActivities, acts],
    [COLLECTIONS.dutyRules, rules(thisYear)],
    [COLLECTIONS.dutyReviews, [review]],
    [COLLECTIONS.dutyReports, [report]],
    [COLLECTIONS.dutyRatings, ratings],
  ];
}

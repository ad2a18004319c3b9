import type { DayDocument } from '../../infra/documents/booking';
import { plannedDays } from '../../cloudfunctions/booking/days';
import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';
import type { Area, Deputy, DeputyLevel, Station } from '../../miniprogram/shared/domain/directory';
import { stationPosition, type StationPosition } from '../../infra/documents/stationPosition';
import { DEFAULT_RECEPTION_RULE } from '../../miniprogram/shared/domain/reception';
import { shanghaiInstant } from '../../miniprogram/shared/domain/time';

/**
 * Demo data for the local runtime: a fictional city (临江市) with two districts, their
 * townships and communities, four liaison stations, fourteen deputies of every level, and
 * reception days on the 15th of the next three months (moved to the next working day when the
 * 15th is a weekend or holiday). All names are invented.
 */

export const DEMO_RESIDENT_OPENID = 'demo-resident-001';

/** Staff accounts at three levels: the city's administrator, a district office, one station. */
export const DEMO_STAFF_ACCOUNTS = [
  { _id: 'demo-staff-city', roles: ['resident', 'staff'], staff: { role: 'admin', areaId: 'area-linjiang' } },
  { _id: 'demo-staff-jiangnan', roles: ['resident', 'staff'], staff: { role: 'area', areaId: 'area-jiangnan' } },
  { _id: 'demo-staff-beishan', roles: ['resident', 'staff'], staff: { role: 'station', areaId: 'area-beishan', stationId: 'st-beishan' } },
] as const;

const area = (_id: string, name: string, kind: Area['kind'], parent: Area | null): Area => ({
  _id,
  name,
  kind,
  parentId: parent ? parent._id : null,
  path: parent ? [...parent.path, _id] : [_id],
});

const city = area('area-linjiang', '临江市', 'city', null);
const jiangbei = area('area-jiangbei', '江北区', 'district', city);
const jiangnan = area('area-jiangnan', '江南区', 'district', city);
const linjiangStreet = area('area-linjiang-jd', '临江街道', 'township', jiangbei);
const beishan = area('area-beishan', '北山镇', 'township', jiangbei);
const nanhu = area('area-nanhu', '南湖街道', 'township', jiangnan);
const qingshi = area('area-qingshi', '青石镇', 'township', jiangnan);
const heping = area('area-heping', '和平社区', 'community', linjiangStreet);
const hubin = area('area-hubin', '湖滨社区', 'community', nanhu);

export const DEMO_AREAS: Area[] = [city, jiangbei, jiangnan, linjiangStreet, beishan, nanhu, qingshi, heping, hubin];

/** `position`: its location as the geospatial index reads it (infra/documents/stationPosition.ts), as directory.nearestStations finds it. */
export type StationDocument = Station & { areaPath: string[]; position: StationPosition };

const station = (_id: string, code: string, name: string, at: Area, address: string, location: Station['location'], phone: string): StationDocument => ({
  _id,
  code,
  name,
  areaId: at._id,
  areaPath: at.path,
  address,
  location,
  position: stationPosition(location),
  openingHours: '工作日 09:00–12:00，14:00–17:30',
  phone,
  receptionNote: '每月15日代表接待选民日 09:00–11:30，14:30–17:00（遇节假日顺延）',
  active: true,
});

export const DEMO_STATIONS: StationDocument[] = [
  station('st-linjiang', 'LJ01', '临江街道人大代表联络站', heping, '临江市江北区和平路88号和平社区党群服务中心一楼', { latitude: 30.5928, longitude: 114.3055 }, '027-80000001'),
  station('st-beishan', 'BS01', '北山镇人大代表联络站', beishan, '临江市江北区北山镇政府便民服务大厅东侧', { latitude: 30.6512, longitude: 114.2871 }, '027-80000002'),
  station('st-nanhu', 'NH01', '南湖街道人大代表联络站', hubin, '临江市江南区湖滨路16号湖滨社区服务中心二楼', { latitude: 30.5011, longitude: 114.3302 }, '027-80000003'),
  station('st-qingshi', 'QS01', '青石镇人大代表联络站', qingshi, '临江市江南区青石镇青石大道1号', { latitude: 30.4523, longitude: 114.3719 }, '027-80000004'),
];

const deputy = (_id: string, code: string, name: string, level: DeputyLevel, constituency: string, occupation: string, stationIds: string[]): Deputy => ({
  _id,
  code,
  name,
  level,
  photoUrl: '',
  constituency,
  occupation,
  profile: `${occupation}。长期关注社区民生，欢迎群众来站反映意见建议。`,
  stationIds,
  active: true,
});

export const DEMO_DEPUTIES: Deputy[] = [
  deputy('dp-001', 'D001', '陈建华', 'national', '临江市代表团', '临江市第一人民医院院长', ['st-linjiang']),
  deputy('dp-002', 'D002', '林秀英', 'provincial', '临江市选举产生', '临江职业技术学院教师', ['st-nanhu']),
  deputy('dp-003', 'D003', '王志强', 'provincial', '临江市选举产生', '临江港务集团技术员', ['st-linjiang', 'st-beishan']),
  deputy('dp-004', 'D004', '张丽', 'city', '江北区第三选区', '社区卫生服务中心护士长', ['st-linjiang']),
  deputy('dp-005', 'D005', '刘德明', 'city', '江南区第一选区', '律师事务所律师', ['st-nanhu']),
  deputy('dp-006', 'D006', '赵红梅', 'city', '江南区第五选区', '农业合作社负责人', ['st-qingshi']),
  deputy('dp-007', 'D007', '孙国平', 'county', '江北区第七选区', '北山中学校长', ['st-beishan']),
  deputy('dp-008', 'D008', '周小燕', 'county', '江北区第二选区', '和平社区党委书记', ['st-linjiang']),
  deputy('dp-009', 'D009', '吴海波', 'county', '江南区第四选区', '公交公司驾驶员', ['st-nanhu']),
  deputy('dp-010', 'D010', '郑春兰', 'county', '江南区第九选区', '青石镇卫生院医生', ['st-qingshi']),
  deputy('dp-011', 'D011', '黄大勇', 'township', '北山镇第三选区', '果园种植户', ['st-beishan']),
  deputy('dp-012', 'D012', '何美玲', 'township', '青石镇第一选区', '个体工商户', ['st-qingshi']),
  deputy('dp-013', 'D013', '马文博', 'township', '北山镇第六选区', '村委会主任', ['st-beishan']),
  deputy('dp-014', 'D014', '许晓东', 'township', '青石镇第四选区', '退休教师', ['st-qingshi']),
];

export type ReceptionDayDocument = DayDocument;

/** Every demo station follows the default rule: the 15th, moved to the next working day. */
function demoDays(today: string): DayDocument[] {
  const now = shanghaiInstant(today);
  return DEMO_STATIONS.flatMap((st) => plannedDays(st, DEFAULT_RECEPTION_RULE, today, now, packageCalendar.isWorkingDay));
}

/** The demo stations' reception dates over the next three months (the 15th, or the working day after). */
export function demoReceptionDates(today: string): string[] {
  return [...new Set(demoDays(today).map((day) => day.date))].sort();
}

export function demoReceptionDays(today: string): ReceptionDayDocument[] {
  return demoDays(today).map((day, i, all) => {
    const onDuty = DEMO_DEPUTIES.filter((d) => d.stationIds.includes(day.stationId)).map((d) => d._id);
    const nth = all.slice(0, i).filter((other) => other.stationId === day.stationId).length;
    // Rotate who is on duty so each day shows a different pair.
    const deputyIds = [onDuty[nth % onDuty.length], onDuty[(nth + 1) % onDuty.length]].filter((id, k, ids): id is string => !!id && ids.indexOf(id) === k);
    return { ...day, deputyIds };
  });
}

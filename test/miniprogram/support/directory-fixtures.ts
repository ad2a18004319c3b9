/** Directory data as the `directory` function returns it, for tests that do not need the database. */
import type { DeputyDetail, PublishedDutyFigures, StationDetail } from '../../../miniprogram/shared/contract/directory';
import type { Area, StationSummary } from '../../../miniprogram/shared/domain/directory';

const area = (_id: string, name: string, kind: Area['kind'], path: string[]): Area => ({
  _id,
  name,
  kind,
  parentId: path.length > 1 ? (path[path.length - 2] as string) : null,
  path,
});

export const AREAS: Area[] = [
  area('area-city', '临江市', 'city', ['area-city']),
  area('area-north', '江北区', 'district', ['area-city', 'area-north']),
  area('area-south', '江南区', 'district', ['area-city', 'area-south']),
  area('area-heping', '临江街道', 'township', ['area-city', 'area-north', 'area-heping']),
];

export const HEPING_STATION: StationSummary = {
  _id: 'st-heping',
  code: 'HP01',
  name: '和平社区人大代表联络站',
  areaId: 'area-heping',
  address: '江北区和平路88号一楼',
};

export const HUBIN_STATION: StationSummary = {
  _id: 'st-hubin',
  code: 'HB01',
  name: '湖滨社区人大代表联络站',
  areaId: 'area-south',
  address: '江南区湖滨路16号二楼',
};

export const STATION_DETAIL: StationDetail = {
  station: {
    ...HEPING_STATION,
    location: { latitude: 30.5928, longitude: 114.3055 },
    openingHours: '工作日 09:00–12:00，14:00–17:30',
    phone: '027-80000001',
    receptionNote: '每月15日代表接待选民日',
    active: true,
  },
  deputies: [
    { _id: 'dp-chen', code: 'D001', name: '陈建华', level: 'national', photoUrl: '' },
    { _id: 'dp-zhang', code: 'D004', name: '张丽', level: 'city', photoUrl: '' },
  ],
  upcomingDays: [
    {
      _id: 'rd-1',
      stationId: 'st-heping',
      date: '2025-11-15',
      windows: [
        { start: '09:00', end: '11:30' },
        { start: '14:30', end: '17:00' },
      ],
      deputyIds: ['dp-chen', 'dp-zhang'],
    },
  ],
  dutyFigures: null,
};

export const DEPUTY_DETAIL: DeputyDetail = {
  deputy: {
    _id: 'dp-wang',
    code: 'D003',
    name: '王志强',
    level: 'provincial',
    photoUrl: '',
    constituency: '临江市选举产生',
    occupation: '临江港务集团技术员',
    profile: '长期关注社区民生。',
    stationIds: ['st-heping', 'st-hubin'],
    active: true,
  },
  stations: [HEPING_STATION, HUBIN_STATION],
  upcomingDays: [
    { _id: 'rd-1', stationId: 'st-heping', date: '2025-11-15', windows: [{ start: '09:00', end: '11:30' }], deputyIds: ['dp-wang'] },
    { _id: 'rd-2', stationId: 'st-hubin', date: '2025-12-15', windows: [{ start: '14:30', end: '17:00' }], deputyIds: ['dp-wang'] },
  ],
  dutyFigures: null,
};

/** 2025's 亮分 as published on 18 November, in the sentences given: no ranking, and stars only where given (a station). */
export const figures2025 = (sentences: string[], stars: PublishedDutyFigures['stars'] = null): PublishedDutyFigures => ({
  year: 2025,
  sentences,
  ranking: null,
  stars,
  asOf: '2025-11-18',
});

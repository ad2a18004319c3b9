/**
 * The city seed's people and places (滨海市, invented): 12 districts, about 200 streets and towns,
 * 400 liaison stations, 5,000 deputies at every level, the departments cases go to, staff at
 * every level and 200,000 resident accounts. Built from a fixed seed; the shapes are the demo
 * seed's (runtime/seed/demoData.ts, demoCasework.ts), so the functions read them as their own.
 */
import type { DepartmentDocument } from '../../../cloudfunctions/admin/departments';
import type { AccountDocument } from '../../../cloudfunctions/core/accounts';
import type { Area, Deputy, DeputyLevel } from '../../../miniprogram/shared/domain/directory';
import { stationPosition } from '../../../infra/documents/stationPosition';
import type { StationDocument } from '../demoData';
import { personName, Random } from './random';

export interface CitySize {
  districts: number;
  townships: number;
  stations: number;
  deputies: number;
  residents: number;
  opinions: number;
  bookings: number;
  /** Years of history before the seed's day. */
  years: number;
}

export const CITY_SIZE: CitySize = { districts: 12, townships: 200, stations: 400, deputies: 5000, residents: 200_000, opinions: 300_000, bookings: 100_000, years: 3 };

/** The full city with its volumes (people, cases, bookings) scaled by `fraction`; places stay whole. */
export function citySize(fraction: number): CitySize {
  const scaled = (n: number) => Math.max(1, Math.round(n * fraction));
  return { ...CITY_SIZE, deputies: scaled(CITY_SIZE.deputies), residents: scaled(CITY_SIZE.residents), opinions: scaled(CITY_SIZE.opinions), bookings: scaled(CITY_SIZE.bookings) };
}

export const CITY_AREA_ID = 'area-bh';
export const CITY_ADMIN_OPENID = 'city-staff-admin';
export const cityResidentOpenid = (n: number) => `city-resident-${String(n).padStart(6, '0')}`;
export const cityDistrictStaffOpenid = (district: number) => `city-staff-d${String(district).padStart(2, '0')}`;
export const cityStationStaffOpenid = (station: number) => `city-staff-st${String(station).padStart(3, '0')}`;
export const cityHandlerOpenid = (departmentId: string) => `city-handler-${departmentId}`;

const DISTRICT_NAMES = ['海城区', '江湾区', '北岸区', '南港区', '东湖区', '西山区', '新城区', '临港区', '青峰县', '白沙县', '石桥县', '云溪县'];
const PLACE_WORDS = '和平胜利建设光明人民解放友谊团结幸福长青新华东风红旗太平永安兴隆富强振兴凤凰金山银湖桃源柳岸松林梅园竹溪';
const DEPARTMENT_KINDS = ['住房和城乡建设局', '交通运输局', '卫生健康局', '民政局', '教育局', '生态环境局', '城市管理局', '人力资源和社会保障局', '水务局', '市场监督管理局'];
const OCCUPATIONS = ['社区党委书记', '医院医生', '中学教师', '企业工程师', '律师', '个体工商户', '种植户', '公交驾驶员', '退休干部', '村委会主任', '护士长', '快递站站长'];

export interface CityPlaces {
  areas: Area[];
  districts: Area[];
  townships: Area[];
  stations: StationDocument[];
  departments: DepartmentDocument[];
}

function placeName(random: Random, suffix: string): string {
  const word = () => PLACE_WORDS.slice(random.below(PLACE_WORDS.length / 2) * 2, random.below(PLACE_WORDS.length / 2) * 2 + 2);
  return `${word()}${suffix}`;
}

export function cityPlaces(size: CitySize, random: Random): CityPlaces {
  const city: Area = { _id: CITY_AREA_ID, name: '滨海市', kind: 'city', parentId: null, path: [CITY_AREA_ID] };
  const districts: Area[] = Array.from({ length: size.districts }, (_, d) => {
    const _id = `area-bh-d${String(d + 1).padStart(2, '0')}`;
    return { _id, name: DISTRICT_NAMES[d] ?? `第${d + 1}区`, kind: 'district', parentId: city._id, path: [city._id, _id] };
  });
  const townships: Area[] = Array.from({ length: size.townships }, (_, t) => {
    const district = districts[t % districts.length] as Area;
    const _id = `area-bh-t${String(t + 1).padStart(3, '0')}`;
    const name = placeName(random, t % 3 === 2 ? '镇' : '街道') + (t + 1);
    return { _id, name, kind: 'township', parentId: district._id, path: [...district.path, _id] };
  });
  const stations: StationDocument[] = Array.from({ length: size.stations }, (_, s) => {
    const township = townships[s % townships.length] as Area;
    const n = s + 1;
    const location = { latitude: 30 + random.next(), longitude: 114 + random.next() };
    return {
      _id: `st-bh-${String(n).padStart(3, '0')}`,
      code: `BH${String(n).padStart(3, '0')}`,
      name: `${township.name}人大代表联络站${s >= townships.length ? '（二站）' : ''}`,
      areaId: township._id,
      areaPath: township.path,
      address: `滨海市${DISTRICT_NAMES[(s % townships.length) % districts.length] ?? ''}${township.name}${random.below(300) + 1}号`,
      location,
      position: stationPosition(location),
      openingHours: '工作日 09:00–12:00，14:00–17:30',
      phone: `0571-8${String(1000000 + n).slice(1)}`,
      receptionNote: '每月15日代表接待选民日 09:00–11:30，14:30–17:00（遇节假日顺延）',
      active: true,
    };
  });
  const at = new Date('2023-01-01T00:00:00Z');
  const department = (_id: string, name: string, area: Area): DepartmentDocument => ({
    _id,
    name,
    areaId: area._id,
    areaPath: area.path,
    active: true,
    createdAt: at,
    updatedAt: at,
  });
  const departments: DepartmentDocument[] = [
    ...DEPARTMENT_KINDS.map((kind, k) => department(`dept-bh-c${k}`, `滨海市${kind}`, city)),
    ...districts.flatMap((district, d) => DEPARTMENT_KINDS.map((kind, k) => department(`dept-bh-d${d + 1}-${k}`, `${district.name}${kind}`, district))),
    ...townships.map((township, t) => department(`dept-bh-t${t + 1}`, `${township.name}${township.name.includes('镇') ? '人民政府' : '办事处'}`, township)),
  ];
  return { areas: [city, ...districts, ...townships], districts, townships, stations, departments };
}

const LEVELS: Array<[DeputyLevel, number]> = [
  ['national', 0.004],
  ['provincial', 0.03],
  ['city', 0.12],
  ['county', 0.36],
  ['township', 1],
];

export function cityDeputies(size: CitySize, stations: readonly StationDocument[], random: Random): Deputy[] {
  return Array.from({ length: size.deputies }, (_, i) => {
    const share = i / size.deputies;
    const level = (LEVELS.find(([, upTo]) => share < upTo) ?? LEVELS[LEVELS.length - 1])[0] as DeputyLevel;
    const home = stations[i % stations.length] as StationDocument;
    const stationIds = random.chance(0.1) ? [home._id, (stations[(i + 7) % stations.length] as StationDocument)._id] : [home._id];
    const occupation = random.pick(OCCUPATIONS);
    const n = String(i + 1).padStart(5, '0');
    return {
      _id: `dp-bh-${n}`,
      code: `BH${n}`,
      name: personName(random),
      level,
      photoUrl: '',
      constituency: `滨海市第${(i % 120) + 1}选区`,
      occupation,
      profile: `${occupation}。长期关注社区民生，欢迎群众来站反映意见建议。`,
      stationIds: [...new Set(stationIds)],
      active: random.chance(0.97),
    };
  });
}

/** Staff at every level: the city's administrator, one per district, one per station, one handler per department. */
export function cityStaffAccounts(places: CityPlaces, now: Date): AccountDocument[] {
  return [
    { _id: CITY_ADMIN_OPENID, roles: ['resident', 'staff'], staff: { role: 'admin', areaId: CITY_AREA_ID }, staffName: '市人大办', staffBoundAt: now, createdAt: now },
    ...places.districts.map((district, d) => ({
      _id: cityDistrictStaffOpenid(d + 1),
      roles: ['resident', 'staff'] as AccountDocument['roles'],
      staff: { role: 'area' as const, areaId: district._id },
      staffName: `${district.name}人大办`,
      staffBoundAt: now,
      createdAt: now,
    })),
    ...places.stations.map((station, s) => ({
      _id: cityStationStaffOpenid(s + 1),
      roles: ['resident', 'staff'] as AccountDocument['roles'],
      staff: { role: 'station' as const, areaId: station.areaId, stationId: station._id },
      staffName: `${station.name}联络员`,
      staffBoundAt: now,
      createdAt: now,
    })),
    ...places.departments.map((dept) => ({
      _id: cityHandlerOpenid(dept._id),
      roles: ['resident', 'staff'] as AccountDocument['roles'],
      staff: { role: 'handler' as const, areaId: dept.areaId, departmentId: dept._id, departmentName: dept.name },
      staffName: `${dept.name}承办员`,
      staffBoundAt: now,
      createdAt: now,
    })),
  ];
}

/** One account per resident; one in forty deputies holds a WeChat account bound to their record. */
export function* cityResidentAccounts(size: CitySize, deputies: readonly Deputy[], now: Date, batch: number): Generator<AccountDocument[]> {
  const since = now.getTime() - size.years * 365 * 86_400_000;
  let docs: AccountDocument[] = [];
  for (let n = 1; n <= size.residents; n += 1) {
    const createdAt = new Date(since + ((now.getTime() - since) * n) / (size.residents + 1));
    const deputy = n % 40 === 0 ? deputies[n / 40 - 1] : undefined;
    docs.push({
      _id: cityResidentOpenid(n),
      roles: deputy ? ['resident', 'deputy'] : ['resident'],
      preferences: n % 5 === 0 ? { fontScale: 'extraLarge' } : {},
      ...(deputy && { deputy: { deputyId: deputy._id, name: deputy.name } }),
      createdAt,
      updatedAt: createdAt,
    });
    if (docs.length === batch) {
      yield docs;
      docs = [];
    }
  }
  if (docs.length > 0) yield docs;
}

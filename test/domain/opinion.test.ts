import { distanceMeters } from '../../miniprogram/shared/domain/geo';
import {
  OPINION_CATEGORIES,
  OPINION_CATEGORY_LABELS,
  awaitsDeputy,
  excerpt,
  hoursBetween,
  publicTimeline,
  textLength,
  type OpinionEvent,
} from '../../miniprogram/shared/domain/opinion';

describe('opinion rules', () => {
  test('nine categories with their Chinese labels, 其他 last', () => {
    expect(OPINION_CATEGORIES.map((c) => OPINION_CATEGORY_LABELS[c])).toEqual(['城乡建设', '交通出行', '教育', '医疗卫生', '养老服务', '社会保障', '生态环境', '社会治理', '其他']);
  });

  test('text is counted as people count characters, after trimming', () => {
    expect(textLength('  十个字十个字十个字  ')).toBe(9);
    expect(textLength('😀😀')).toBe(2);
  });

  test('the resident sees public events only, with notes but never internal notes', () => {
    const at = new Date('2026-11-23T02:00:00Z');
    const events: OpinionEvent[] = [
      { type: 'received', at, actorRole: 'resident', public: true },
      { type: 'forwarded', at, actorRole: 'deputy', actorName: '陈建华', internalNote: '请住建局核实', public: true },
      { type: 'read', at, actorRole: 'deputy', public: false },
    ];
    expect(publicTimeline(events)).toEqual([
      { type: 'received', label: '意见已提交，等待代表查看', at: '2026-11-23T02:00:00.000Z' },
      { type: 'forwarded', label: '代表已转交人大常委会工作机构办理', at: '2026-11-23T02:00:00.000Z', actorName: '陈建华' },
    ]);
  });

  test('a deputy may act on received and read opinions only', () => {
    expect(awaitsDeputy('received')).toBe(true);
    expect(awaitsDeputy('read')).toBe(true);
    expect(awaitsDeputy('replied')).toBe(false);
    expect(awaitsDeputy('forwarded')).toBe(false);
  });

  test('waited hours are whole and never negative; excerpts end with …', () => {
    expect(hoursBetween(new Date('2026-11-23T00:00:00Z'), new Date('2026-11-24T01:59:00Z'))).toBe(25);
    expect(hoursBetween(new Date('2026-11-23T01:00:00Z'), new Date('2026-11-23T00:00:00Z'))).toBe(0);
    expect(excerpt('一二三四五六', 4)).toBe('一二三…');
    expect(excerpt('一二 \n 三', 10)).toBe('一二 三');
  });

  test('distances between nearby stations are in metres', () => {
    const a = { latitude: 30.5928, longitude: 114.3055 };
    expect(distanceMeters(a, a)).toBe(0);
    // One degree of latitude is about 111 km.
    expect(distanceMeters(a, { latitude: 31.5928, longitude: 114.3055 })).toBeGreaterThan(110_000);
    expect(distanceMeters(a, { latitude: 31.5928, longitude: 114.3055 })).toBeLessThan(112_000);
  });
});

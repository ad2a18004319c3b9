import { emptyDeputyForm, stationChoices, toggleStation, validateDeputy } from '../../../miniprogram/packages/staff/deputy-edit/model';
import { areasInScope } from '../../../miniprogram/packages/staff/directory-form';
import { emptyStationForm, locationLabel, validateStation } from '../../../miniprogram/packages/staff/station-edit/model';
import type { Area } from '../../../miniprogram/shared/domain/directory';

describe('station form rules (as admin.saveStation)', () => {
  const valid = { ...emptyStationForm('area-beishan'), code: 'bs02', name: '北山联络点', address: '文化路8号', location: { latitude: 30.6, longitude: 114.2 } };

  it('accepts a complete form, the code in any case', () => {
    expect(validateStation(valid)).toEqual({});
  });

  it('says what is wrong next to each field', () => {
    expect(validateStation({ ...emptyStationForm(), code: 'B', phone: '电话', openingHours: '时'.repeat(61) })).toEqual({
      code: '编号为2–8位大写字母或数字，如 LJ01',
      name: '必填',
      areaId: '请选择所属区域',
      address: '必填',
      location: '请点「在地图上选择位置」选定联络站的位置',
      openingHours: '最多60个字',
      phone: '电话只能包含数字和 - ( ) +',
    });
    expect(validateStation({ ...valid, name: '站'.repeat(41) }).name).toBe('最多40个字');
  });

  it('shows a chosen place in plain numbers', () => {
    expect(locationLabel({ latitude: 30.6, longitude: 114.28765 })).toBe('纬度 30.60000，经度 114.28765');
    expect(locationLabel(null)).toBe('');
  });
});

describe('deputy form rules (as admin.saveDeputy)', () => {
  it('needs a level, a constituency and one to five stations', () => {
    expect(validateDeputy({ ...emptyDeputyForm(), code: 'D901', name: '赵文静' })).toEqual({
      level: '请选择代表层级',
      constituency: '必填',
      stationIds: '请至少选择一个联络站',
    });
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(validateDeputy({ ...emptyDeputyForm(), code: 'D901', name: '赵', level: 'city', constituency: '一区', stationIds: six })).toEqual({
      stationIds: '最多选择5个联络站',
    });
  });

  it('keeps stations in the order chosen: the first handles opinions', () => {
    const chosen = toggleStation(toggleStation(['st-1'], 'st-2'), 'st-1');
    expect(chosen).toEqual(['st-2']);
    expect(
      stationChoices(
        [
          { id: 'st-1', label: '一' },
          { id: 'st-2', label: '二' },
        ],
        ['st-2', 'st-1'],
      ),
    ).toEqual([
      { id: 'st-1', label: '一', selected: true, order: 2 },
      { id: 'st-2', label: '二', selected: true, order: 1 },
    ]);
  });
});

it('offers the areas at and under the staff member’s own', () => {
  const area = (id: string, path: string[]): Area => ({ _id: id, name: id, kind: 'township', parentId: null, path });
  const areas = [area('city', ['city']), area('district', ['city', 'district']), area('town', ['city', 'district', 'town']), area('other', ['city', 'other'])];
  expect(areasInScope(areas, { role: 'area', areaId: 'district' }).map((a) => a._id)).toEqual(['district', 'town']);
});

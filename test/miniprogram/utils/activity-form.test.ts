import { useClock } from '../../../miniprogram/services/clock';
import { systemClock } from '../../../miniprogram/shared/domain/time';
import { createActivityForm, initialActivityFormState, type ActivityFormState } from '../../../miniprogram/utils/activity-form';

// 2027-03-15 08:30 in Shanghai, still the 14th in UTC.
const NOW = new Date('2027-03-15T00:30:00+08:00');

let renders: Array<Partial<ActivityFormState>>;

beforeEach(() => {
  useClock({ now: () => NOW });
  renders = [];
});

afterEach(() => useClock(systemClock));

test('a blank form is dated today in Shanghai and offers every activity type', () => {
  const state = initialActivityFormState();
  expect(state).toMatchObject({ type: '', date: '2027-03-15', today: '2027-03-15', place: '', note: '', formError: '' });
  expect(state.types.map((type) => type.value)).toContain('inspection');
});

test('nothing is sent until a type is chosen; then the fields go trimmed, and clearing keeps the date', () => {
  const form = createActivityForm((change) => renders.push(change));
  form.set('place', '  临江街道  ');
  expect(form.fields()).toBeNull();
  form.choose('inspection');
  form.set('note', ' 视察老旧小区改造 ');
  form.set('date', '2027-03-10');
  expect(renders).toContainEqual({ type: 'inspection', formError: '' });
  expect(renders).toContainEqual({ place: '  临江街道  ', formError: '' });
  expect(form.year()).toBe(2027);
  expect(form.fields()).toEqual({ type: 'inspection', date: '2027-03-10', place: '临江街道', note: '视察老旧小区改造' });
  expect(form.clear()).toEqual({ type: '', place: '', note: '' });
  expect(form.fields()).toBeNull();
  form.choose('inspection');
  expect(form.fields()).toEqual({ type: 'inspection', date: '2027-03-10', place: '', note: '' });
});

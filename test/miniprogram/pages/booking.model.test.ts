import type * as BookingNewModel from '../../../miniprogram/pages/booking-new/model';
import type * as BookingDrafts from '../../../miniprogram/stores/booking-drafts';
import type * as CheckInModel from '../../../miniprogram/pages/check-in/model';
import { firstBookableDay, slotItem, toBookingDaysView } from '../../../miniprogram/pages/booking-days/model';
import { bookPayload, doneView, validateBooking } from '../../../miniprogram/pages/booking-new/model';
import { checkInUrlOf } from '../../../miniprogram/pages/my-bookings/model';
import type { MyBooking, ReceptionDayView, SlotView } from '../../../miniprogram/shared/domain/booking';
import { bookingItem, code39 } from '../../../miniprogram/views/booking';
import { freshApp } from '../support/fresh-app';
import { installDevice } from '../support/wx-device';
import { fixtureFunctions, installWx, networkDown, ok, refused } from '../support/wx-double';

const slot = (id: string, state: SlotView['state'], seatsLeft = 2): SlotView => ({
  id,
  start: `${id.slice(0, 2)}:${id.slice(2)}`,
  end: '10:00',
  seats: 3,
  seatsLeft,
  state,
});

const DAY: ReceptionDayView = {
  _id: 'rd-LJ01-2026-03-16',
  stationId: 'st-linjiang',
  stationName: '临江街道人大代表联络站',
  date: '2026-03-16',
  nominalDate: '2026-03-15',
  windows: [{ start: '09:00', end: '10:00' }],
  deputyIds: ['dp-001', 'dp-gone'],
  cancelled: false,
  slots: [slot('0900', 'started'), slot('0930', 'full', 0)],
};

const BOOKING: MyBooking = {
  _id: 'bk-1',
  code: 'ABC234',
  status: 'booked',
  statusLabel: '已预约',
  dayId: DAY._id,
  stationId: DAY.stationId,
  stationName: DAY.stationName,
  stationAddress: '和平路88号',
  date: '2026-03-16',
  slotId: '0930',
  slotStart: '09:30',
  slotEnd: '10:00',
  topic: '加装电梯',
  name: '李阿姨',
  phone: '13812345678',
  late: false,
  cancellable: true,
  createdAt: '2026-03-01T02:00:00.000Z',
};

describe('reception days, as residents read them', () => {
  it('says what each slot offers: a seat, the waitlist, or nothing any more', () => {
    expect(slotItem(slot('0900', 'open', 2))).toEqual({ id: '0900', timeLabel: '09:00–10:00', seatsLabel: '剩2个名额', action: 'book' });
    expect(slotItem(slot('0900', 'full', 0))).toMatchObject({ seatsLabel: '已满', action: 'waitlist' });
    expect(slotItem(slot('0900', 'started'))).toMatchObject({ seatsLabel: '已开始', action: 'none' });
    expect(slotItem(slot('0900', 'cancelled'))).toMatchObject({ seatsLabel: '已取消', action: 'none' });
  });

  it('dates a day in plain words, says why it moved, and names the deputies on duty it knows', () => {
    const view = toBookingDaysView('临江街道人大代表联络站', [DAY], [{ _id: 'dp-001', code: 'D001', name: '陈建华', level: 'national', photoUrl: '' }], 'dp-001');

    expect(view).toMatchObject({ stationName: '临江街道人大代表联络站', deputyName: '陈建华' });
    expect(view.days[0]).toMatchObject({
      dateLabel: '3月16日 周一',
      movedLabel: '原定3月15日 周日，遇周末或节假日顺延',
      deputiesLabel: '值班代表：陈建华',
      withDeputy: true,
      openCount: 0,
      canQueue: true,
    });
  });

  it('opens the first day the resident can still book or queue for', () => {
    const past = { ...DAY, _id: 'rd-today', slots: [slot('0900', 'started')] };
    expect(firstBookableDay(toBookingDaysView('', [past, DAY], []))).toBe(DAY._id);
    expect(firstBookableDay(toBookingDaysView('', [past], []))).toBe('rd-today');
    expect(firstBookableDay(null)).toBe('');
  });
});

describe('the booking form', () => {
  it('checks the fields the way the server does', () => {
    expect(validateBooking({ topic: ' 电梯 ', name: '李阿姨', phone: '+86 138-1234-5678' })).toEqual({ topic: '', name: '', phone: '' });
    expect(validateBooking({ topic: '  ', name: '', phone: '1381234567' })).toEqual({
      topic: '请写一下您想反映什么事情',
      name: '请填写您的姓名或称呼',
      phone: '请填写正确的11位手机号码',
    });
    expect(validateBooking({ topic: '字'.repeat(100), name: '名'.repeat(20), phone: '13812345678' })).toEqual({ topic: '', name: '', phone: '' });
    expect(validateBooking({ topic: '字'.repeat(101), name: '名'.repeat(21), phone: '12812345678' })).toEqual({
      topic: '最多100个字，请简短一些，详细的到时当面说',
      name: '姓名最多20个字',
      phone: '请填写正确的11位手机号码',
    });
  });

  it('sends trimmed text, the mobile number as 11 digits, the resident’s choice to share it with the deputies, and the draft’s one request id', () => {
    expect(bookPayload('rd-1', '0930', { clientRequestId: 'req-00000001', topic: ' 电梯 ', name: ' 李阿姨 ', phone: '+86 138 1234 5678', shareContact: false })).toEqual({
      dayId: 'rd-1',
      slotId: '0930',
      topic: '电梯',
      name: '李阿姨',
      phone: '13812345678',
      shareContactWithDeputies: false,
      clientRequestId: 'req-00000001',
    });
    expect(bookPayload('rd-1', '0930', { clientRequestId: 'req-00000001', topic: '电梯', name: '李阿姨', phone: '13812345678', shareContact: true }).shareContactWithDeputies).toBe(
      true,
    );
  });

  it('keeps the code, when and where from a booking', () => {
    expect(doneView({ ...BOOKING, status: 'waiting' }, false, 2)).toMatchObject({
      waiting: true,
      existing: false,
      position: 2,
      whenLabel: '3月16日 周一 09:30–10:00',
      stationAddress: '和平路88号',
      code: { label: 'ABC-234' },
    });
  });
});

describe('the booking form, against fixtures', () => {
  const DETAIL = {
    day: { ...DAY, slots: [slot('0930', 'open', 1)] },
    station: { _id: 'st-linjiang', code: 'LJ01', name: '临江街道人大代表联络站', areaId: 'area-heping', address: '和平路88号' },
    deputies: [],
    mine: null,
    notifyTemplateIds: ['t-1'],
  };

  async function filledForm(answers: Parameters<typeof fixtureFunctions>[0]) {
    const wx = installWx({ functions: fixtureFunctions({ 'booking.getDay': ok(DETAIL), ...answers }) });
    const model = freshApp<typeof BookingNewModel>('pages/booking-new/model');
    const states: Array<Partial<BookingNewModel.BookingFormState>> = [];
    const form = model.createBookingForm(DAY._id, '0930', (change) => states.push(change));
    await form.load();
    form.setTopic('加装电梯');
    form.setName('李阿姨');
    form.setPhone('138 1234 5678');
    const last = () => Object.assign({}, ...states) as BookingNewModel.BookingFormState;
    return { wx, form, last };
  }

  it('a slot that filled since the resident looked turns the form into the waitlist', async () => {
    const { form, last } = await filledForm({ 'booking.book': refused('BOOKING.FULL') });

    await form.submit();

    expect(last()).toMatchObject({ waitlist: true, submitError: '这个时段已约满，可以加入候补，或选择其他时段' });
  });

  it('a second booking the same day says so and offers 我的预约', async () => {
    const { form, last } = await filledForm({ 'booking.book': refused('BOOKING.ALREADY_BOOKED') });

    await form.submit();

    expect(last()).toMatchObject({ showMyBookings: true, submitError: '您这一天已有预约或候补，可在“我的预约”中查看，取消后才能另约' });
  });

  it('a weak network keeps the draft, and the message says so', async () => {
    const { wx, form, last } = await filledForm({ 'booking.book': () => networkDown() });

    await form.submit();

    expect(last().submitError).toBe('网络不太稳定，没有预约成功。您填写的内容已保存在手机上，请稍后再点一次');
    expect(wx.storage.get(`booking.draft.${DAY._id}`)).toMatchObject({ topic: '加装电梯', phone: '13812345678' });
  });
});

describe('booking drafts', () => {
  it('start with the name and phone of the last booking, and keep one request id until it succeeds', () => {
    const wx = installWx({ functions: fixtureFunctions({}) });
    installDevice(wx);
    const drafts = freshApp<typeof BookingDrafts>('stores/booking-drafts');

    const fresh = drafts.loadBookingDraft('rd-1');
    expect(fresh).toMatchObject({ restored: false, draft: { topic: '', name: '', phone: '' } });
    drafts.saveBookingDraft('rd-1', { ...fresh.draft, topic: '电梯' });
    expect(drafts.loadBookingDraft('rd-1')).toEqual({ restored: true, draft: { ...fresh.draft, topic: '电梯' } });

    drafts.finishBookingDraft('rd-1', { ...fresh.draft, topic: '电梯', name: ' 李阿姨 ', phone: '13812345678' });
    expect(wx.storage.has('booking.draft.rd-1')).toBe(false);
    const next = drafts.loadBookingDraft('rd-2');
    expect(next).toMatchObject({ restored: false, draft: { topic: '', name: '李阿姨', phone: '13812345678' } });
    expect(next.draft.clientRequestId).not.toBe(fresh.draft.clientRequestId);
  });

  it('of a damaged record, keep what can be read and a fresh request id', () => {
    installWx({ functions: fixtureFunctions({}), storage: { 'booking.draft.rd-1': { clientRequestId: '{}', topic: 7, name: '李阿姨' } } });
    const drafts = freshApp<typeof BookingDrafts>('stores/booking-drafts');

    const { draft, restored } = drafts.loadBookingDraft('rd-1');

    expect(restored).toBe(true);
    expect(draft).toMatchObject({ topic: '', name: '李阿姨', phone: '' });
    expect(draft.clientRequestId).toMatch(/^[a-z0-9]{8,64}$/);
  });
});

describe('my bookings and check-in', () => {
  it('offers check-in for a seat booked today, and the code for a seat or a waitlist place', () => {
    expect(bookingItem(BOOKING, '2026-03-16')).toMatchObject({ canCheckIn: true, active: true, statusTheme: 'primary', whenLabel: '3月16日 周一 09:30–10:00' });
    expect(bookingItem(BOOKING, '2026-03-15')).toMatchObject({ canCheckIn: false, active: true });
    expect(bookingItem({ ...BOOKING, status: 'waiting', statusLabel: '候补中' }, '2026-03-16')).toMatchObject({ canCheckIn: false, active: true, statusTheme: 'warning' });
    expect(bookingItem({ ...BOOKING, status: 'cancelled', statusLabel: '已取消', cancellable: false }, '2026-03-16')).toMatchObject({ active: false, statusTheme: 'default' });
  });

  it('opens the check-in page only for a station check-in code of ours', () => {
    expect(checkInUrlOf({ path: 'pages/check-in/index?scene=c%3DABCDEFGHJKMN', result: '' })).toBe('/pages/check-in/index?scene=c%3DABCDEFGHJKMN');
    expect(checkInUrlOf({ path: 'pages/station/index?stationId=st-1', result: '' })).toBeNull();
    expect(checkInUrlOf({ result: 'https://example.com/' })).toBeNull();
    expect(checkInUrlOf(null)).toBeNull();
  });

  it('says a network failure can be retried, and a refusal in the server’s words', async () => {
    installWx({ functions: fixtureFunctions({ 'booking.checkIn': () => networkDown() }) });
    expect(await freshApp<typeof CheckInModel>('pages/check-in/model').checkInWith('c%3DABCDEFGHJKMN')).toMatchObject({
      status: 'error',
      errorMessage: '网络不太稳定，请检查网络后重试',
    });

    installWx({ functions: fixtureFunctions({ 'booking.checkIn': refused('BOOKING.NO_BOOKING_HERE') }) });
    expect(await freshApp<typeof CheckInModel>('pages/check-in/model').checkInWith('c%3DABCDEFGHJKMN')).toEqual({
      status: 'refused',
      errorMessage: '您今天在这个联络站没有预约，请向工作人员现场登记',
      view: null,
    });

    const wx = installWx({ functions: fixtureFunctions({}) });
    expect(await freshApp<typeof CheckInModel>('pages/check-in/model').checkInWith(undefined)).toMatchObject({
      status: 'refused',
      errorMessage: '签到码无效，请扫描联络站现场张贴的签到码',
    });
    expect(wx.cloudCalls).toEqual([]);
  });
});

describe('the booking code as a Code 39 barcode', () => {
  it('draws start, six characters and stop, each with 3 wide elements of 9, between quiet zones', () => {
    const bars = code39('ABC234');
    const inner = bars.slice(1, -1);

    expect(bars[0]).toEqual({ bar: false, w: 10 });
    expect(bars[bars.length - 1]).toEqual({ bar: false, w: 10 });
    expect(inner.filter((b) => b.bar)).toHaveLength(8 * 5);
    expect(inner.filter((b) => b.w === 3)).toHaveLength(8 * 3);
    // Wide is three narrow: 8 characters of 15 modules each, with 7 one-module gaps between them.
    expect(inner.reduce((sum, b) => sum + b.w, 0)).toBe(8 * 15 + 7);
    expect(
      inner
        .slice(0, 9)
        .map((b) => (b.w === 3 ? 1 : 0))
        .join(''),
    ).toBe('010010100');
  });

  it('draws nothing for text a booking code cannot hold', () => {
    expect(code39('')).toEqual([]);
    expect(code39('ABC-0I')).toEqual([]);
  });
});

/** @jest-environment jsdom */
/**
 * Booking a visit on reception day, as a resident does it: the real pages, real TDesign, and
 * the real local runtime with its demo stations and reception days.
 */
import { bookingDraftKey } from '../../../miniprogram/stores/booking-drafts';
import type { ReceptionDayView } from '../../../miniprogram/shared/domain/booking';
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { usePageRuntime } from '../support/local-runtime';
import { openPage, type PageDriver } from '../support/page';
import { callAs, CITY_STAFF } from '../support/runtime-calls';
import { placeBooking } from '../support/runtime-store';
import { installDevice, type DeviceDouble } from '../support/wx-device';
import { installDialogs, queryOf, type DialogDouble } from '../support/wx-dialogs';
import { installWx, localRuntimeFunctions, WxFail, type FunctionHost, type WxDouble } from '../support/wx-double';

const runtime = usePageRuntime();

const LINJIANG = 'st-linjiang';
const TOPIC = '小区加装电梯的进展';
const TEMPLATES = ['lxq-booking-reminder', 'lxq-booking-promoted', 'lxq-booking-day-cancelled'];

interface Phone {
  wx: WxDouble;
  device: DeviceDouble;
  dialogs: DialogDouble;
  openid: string;
}

/** Each test is a different resident: one booking per day each, and 我的预约 never mix. */
let resident = 0;
function phoneOf(functions?: (host: FunctionHost) => FunctionHost): Phone {
  const openid = `resident-booking-${(resident += 1)}`;
  const host = localRuntimeFunctions(runtime.url, openid);
  const wx = installWx({ functions: functions ? functions(host) : host });
  const device = installDevice(wx, { runtimeUrl: runtime.url });
  return { wx, device, dialogs: installDialogs(), openid };
}

interface SlotOnScreen {
  id: string;
  timeLabel: string;
  seatsLabel: string;
  action: string;
}

function openDay(page: PageDriver): { id: string; dateLabel: string; slots: SlotOnScreen[] } {
  const view = page.data.view as { days: Array<{ id: string; dateLabel: string; slots: SlotOnScreen[] }> };
  const day = view.days.find((d) => d.id === page.data.openDayId);
  if (!day) throw new Error('no day is open');
  return day;
}

/** Taps 预约 (or 排队候补) and opens the booking form the tap navigated to. */
async function chooseSlot(phone: Phone, days: PageDriver, button: '预约' | '排队候补'): Promise<PageDriver> {
  const before = phone.wx.navigations.length;
  await days.tap(button);
  await days.waitFor(() => phone.wx.navigations.length > before, 'the booking form');
  const url = phone.wx.navigations[phone.wx.navigations.length - 1] as string;
  expect(url).toMatch(/^\/pages\/booking-new\/index\?dayId=[^&]+&slotId=\d{4}$/);
  return openPage('bookingNew', queryOf(url));
}

async function fillIn(form: PageDriver, fields: { topic?: string; name?: string; phone?: string } = {}): Promise<void> {
  await form.type('.topic-input', fields.topic ?? TOPIC);
  await form.type('.name-input', fields.name ?? '李阿姨');
  await form.type('.phone-input', fields.phone ?? '13812345678');
}

/** The resident books the first free slot at 临江 through the form, as filled in by fillIn; answers the days page it started from. */
async function bookedAtLinjiang(phone: Phone): Promise<PageDriver> {
  const days = await openPage('bookingDays', { stationId: LINJIANG });
  const form = await chooseSlot(phone, days, '预约');
  await fillIn(form);
  await form.tap('确认预约');
  await form.waitFor(() => form.data.done !== null, 'the booking');
  return days;
}

/** A reception day staff add at a station, on the first free date from `fromDay` days ahead. */
async function addDay(stationId: string, seats: number, fromDay = 2): Promise<ReceptionDayView> {
  for (let ahead = fromDay; ahead < fromDay + 10; ahead += 1) {
    try {
      const date = addDays(shanghaiDate(runtime.clock.now()), ahead);
      const { day } = await callAs(runtime.url, CITY_STAFF, 'booking.addDay', {
        stationId,
        date,
        windows: [{ start: '09:00', end: '10:00' }],
        slotMinutes: 30,
        seatsPerSlot: seats,
      });
      return day;
    } catch (error) {
      if (!String(error).includes('BOOKING.DAY_EXISTS')) throw error;
    }
  }
  throw new Error('no free date to add a reception day');
}

describe('预约接待: a resident books a visit', () => {
  it("shows the station's reception days with plain dates, deputies on duty and seats left, from one call", async () => {
    const phone = phoneOf();

    const page = await openPage('bookingDays', { stationId: LINJIANG });

    const text = page.text();
    expect(text).toContain('预约接待 临江街道人大代表联络站');
    expect(text).toMatch(/\d{1,2}月\d{1,2}日 周[一二三四五]/);
    expect(text).toMatch(/值班代表：[\u4e00-\u9fa5]+/);
    expect(text).toMatch(/\d{2}:\d{2}–\d{2}:\d{2} 剩3个名额 预约/);
    expect(phone.wx.cloudCalls.map((call) => call.action).filter((action) => action.startsWith('booking.') || action.startsWith('directory.'))).toEqual(['booking.listDays']);
  });

  it('books a slot, shows the booking code big, lists it in 我的预约, and cancelling gives the seat back', async () => {
    const phone = phoneOf();
    const days = await openPage('bookingDays', { stationId: LINJIANG });
    const slot = openDay(days).slots.find((s) => s.action === 'book') as SlotOnScreen;
    expect(slot.seatsLabel).toBe('剩3个名额');

    const form = await chooseSlot(phone, days, '预约');
    expect(form.text()).toContain(`${openDay(days).dateLabel} ${slot.timeLabel} 临江街道人大代表联络站`);
    await fillIn(form);
    await form.tap('确认预约');

    await form.waitFor(() => form.data.done !== null, 'the booking');
    const { upcoming } = await callAs(runtime.url, phone.openid, 'booking.listMine', {});
    const code = upcoming[0]?.code ?? '';
    const codeLabel = `${code.slice(0, 3)}-${code.slice(3)}`;
    expect(upcoming).toEqual([expect.objectContaining({ status: 'booked', slotStart: slot.timeLabel.slice(0, 5), topic: TOPIC, name: '李阿姨' })]);
    expect(form.text()).toContain(`预约成功 您的预约码： ${codeLabel}`);
    expect(form.countClass('booking-code__line')).toBe(5 * 8);
    expect(phone.dialogs.subscribeRequests).toEqual([TEMPLATES]);
    // Allowed: one reminder, one 候补成功 and one 取消 message are now the resident's to receive.
    expect(phone.wx.cloudCalls.filter((call) => call.action === 'account.grantSubscriptions').map((call) => call.payload)).toEqual([{ templateIds: TEMPLATES }]);
    expect(phone.wx.storage.has(bookingDraftKey(upcoming[0]?.dayId ?? ''))).toBe(false);

    await days.lifecycle('onShow');
    await days.waitFor(() => openDay(days).slots.find((s) => s.id === slot.id)?.seatsLabel === '剩2个名额', 'one seat fewer');

    const mine = await openPage('myBookings');
    expect(mine.text()).toContain(`即将到来 ${openDay(days).dateLabel} ${slot.timeLabel} 已预约 临江街道人大代表联络站`);
    expect(mine.text()).toContain(`事由：${TOPIC} 预约码 ${codeLabel} 出示预约码 取消预约`);

    await mine.tap('取消预约');
    await mine.waitFor(() => (mine.data.sections as unknown[]).length === 2, 'the cancelled booking');
    expect(phone.dialogs.modals).toEqual([
      { title: '取消这次预约？', content: `${openDay(days).dateLabel} ${slot.timeLabel}\n临江街道人大代表联络站`, confirmText: '确定取消', cancelText: '不取消' },
    ]);
    expect(phone.wx.toasts).toContain('已取消预约');
    expect(mine.text()).toContain('暂时没有要去的接待 以往的预约');
    expect(mine.text()).toContain(`${slot.timeLabel} 已取消`);

    await days.lifecycle('onShow');
    await days.waitFor(() => openDay(days).slots.find((s) => s.id === slot.id)?.seatsLabel === '剩3个名额', 'the seat back');
  });

  it('keeps the booking when the resident says no to the cancel dialog', async () => {
    const phone = phoneOf();
    await bookedAtLinjiang(phone);

    phone.dialogs.answers = [false];
    const mine = await openPage('myBookings');
    await mine.tap('取消预约');
    await mine.waitFor(() => phone.dialogs.modals.length === 1, 'the question');

    const { upcoming } = await callAs(runtime.url, phone.openid, 'booking.listMine', {});
    expect(upcoming.map((b) => b.status)).toEqual(['booked']);
    expect(phone.wx.cloudCalls.filter((call) => call.action === 'booking.cancel')).toEqual([]);
  });

  it('books even when the resident refuses reminders, or the panel cannot open', async () => {
    for (const answer of ['reject', 'fail'] as const) {
      const phone = phoneOf();
      phone.dialogs.subscribe = answer;
      const days = await openPage('bookingDays', { stationId: LINJIANG });
      const form = await chooseSlot(phone, days, '预约');
      await fillIn(form);

      await form.tap('确认预约');

      await form.waitFor(() => form.data.done !== null, `the booking after "${answer}"`);
      expect(form.text()).toContain('预约成功');
      expect(phone.dialogs.subscribeRequests).toHaveLength(1);
      expect(phone.wx.cloudCalls.filter((call) => call.action === 'account.grantSubscriptions')).toEqual([]);
    }
  });

  it('a full slot shows 已满 and offers the waitlist, which the resident joins', async () => {
    const day = await addDay('st-nanhu', 1);
    await callAs(runtime.url, 'resident-first-come', 'booking.book', {
      dayId: day._id,
      slotId: '0900',
      topic: '先到的居民',
      name: '张大爷',
      phone: '13900000000',
      clientRequestId: 'first-come-0001',
    });
    const phone = phoneOf();
    const days = await openPage('bookingDays', { stationId: 'st-nanhu' });
    if (days.data.openDayId !== day._id) await days.tap(openDayLabel(days, day._id));
    await days.waitFor(() => days.data.openDayId === day._id, 'the added day to open');

    expect(days.text()).toContain('09:00–09:30 已满 排队候补 09:30–10:00 剩1个名额 预约');
    const form = await chooseSlot(phone, days, '排队候补');
    expect(form.text()).toContain('排队候补');
    expect(form.text()).toContain('这个时段已约满。提交后为您排队候补，有人取消时按顺序补上，并通知您。');
    await fillIn(form);
    await form.tap('加入候补');

    await form.waitFor(() => form.data.done !== null, 'the waitlist place');
    expect(form.text()).toContain('已加入候补 您的预约码：');
    expect(form.text()).toContain('您排在候补第1位。有人取消时，按顺序为您补上，并通知您。');
    const { upcoming } = await callAs(runtime.url, phone.openid, 'booking.listMine', {});
    expect(upcoming.map((b) => [b.status, b.statusLabel])).toEqual([['waiting', '候补中']]);

    const mine = await openPage('myBookings');
    expect(mine.text()).toContain('候补中');
    expect(mine.text()).toContain('退出候补');
  });

  it('says what is wrong with a bad phone number and an over-long topic, and sends nothing', async () => {
    const phone = phoneOf();
    const days = await openPage('bookingDays', { stationId: LINJIANG });
    const form = await chooseSlot(phone, days, '预约');

    await fillIn(form, { topic: '电'.repeat(101), phone: '12345' });
    await form.tap('确认预约');

    const text = form.text();
    expect(text).toContain('已写 101 字（最多100字） 最多100个字，请简短一些，详细的到时当面说');
    expect(text).toContain('手机号码 请填写正确的11位手机号码');
    expect(text).toContain('还有内容需要修改，请看上面红字提示');
    expect(phone.wx.cloudCalls.filter((call) => call.action.startsWith('booking.book'))).toEqual([]);
    expect(phone.dialogs.subscribeRequests).toEqual([]);

    await form.type('.topic-input', TOPIC);
    await form.type('.phone-input', '13812345678');
    expect(form.text()).not.toContain('最多100个字，请简短一些');
    expect(form.text()).not.toContain('请填写正确的11位手机号码');
  });

  it('keeps what the resident typed on the phone and gives it back when the form opens again', async () => {
    const phone = phoneOf();
    const days = await openPage('bookingDays', { stationId: LINJIANG });
    const form = await chooseSlot(phone, days, '预约');
    await fillIn(form, { name: '王阿姨' });
    const url = phone.wx.navigations[phone.wx.navigations.length - 1] as string;

    const again = await openPage('bookingNew', queryOf(url));

    expect(again.text()).toContain('已为您恢复上次没有提交的内容。');
    expect(again.data).toMatchObject({ topic: TOPIC, name: '王阿姨', phone: '13812345678' });
    expect(phone.wx.storage.get(bookingDraftKey(queryOf(url).dayId ?? ''))).toMatchObject({
      topic: TOPIC,
      clientRequestId: expect.stringMatching(/^[a-z0-9]{8,64}$/),
    });
  });

  it('a retry after the answer was lost on a weak network books once, not twice', async () => {
    // The answer and the client's own retry are both lost: the resident sees it and taps again.
    let answersToLose = 2;
    const phone = phoneOf((host) => async (name, event) => {
      const answer = await host(name, event);
      if (event.action === 'booking.book' && answersToLose > 0) {
        answersToLose -= 1;
        throw new WxFail('cloud.callFunction:fail Error: errCode: -1 | errMsg: request:fail timeout');
      }
      return answer;
    });
    const days = await openPage('bookingDays', { stationId: LINJIANG });
    const form = await chooseSlot(phone, days, '预约');
    await fillIn(form);

    await form.tap('确认预约');
    await form.waitFor(() => form.data.submitting === false && form.data.submitError !== '', 'the network failure');
    expect(form.text()).toContain('网络不太稳定，没有预约成功。您填写的内容已保存在手机上，请稍后再点一次');
    await form.tap('确认预约');
    await form.waitFor(() => form.data.done !== null, 'the booking');

    const books = phone.wx.cloudCalls.filter((call) => call.action === 'booking.book');
    expect(books).toHaveLength(3);
    expect(new Set(books.map((call) => (call.payload as { clientRequestId: string }).clientRequestId)).size).toBe(1);
    const { upcoming } = await callAs(runtime.url, phone.openid, 'booking.listMine', {});
    expect(upcoming).toHaveLength(1);
  });

  it('a resident who already holds the day sees that booking instead of a second form', async () => {
    const phone = phoneOf();
    const days = await bookedAtLinjiang(phone);

    const again = await chooseSlot(phone, days, '预约');

    expect(again.text()).toContain('您这一天已有预约 您的预约码：');
    expect(again.text()).toContain('如要换时间，请先在「我的预约」中取消。');
  });
});

describe('the ways in', () => {
  it('home, a station and a deputy each lead to booking', async () => {
    const phone = phoneOf();
    const home = await openPage('home');
    await home.tap('我的预约');
    const station = await openPage('station', { stationId: LINJIANG });
    await station.tap('预约接待');
    const deputy = await openPage('deputy', { deputyId: 'dp-008' });
    await deputy.tap('预约接待');

    await deputy.waitFor(() => phone.wx.navigations.length === 3, 'three pages');
    expect(phone.wx.navigations).toEqual([
      '/pages/my-bookings/index',
      '/pages/booking-days/index?stationId=st-linjiang',
      '/pages/booking-days/index?stationId=st-linjiang&deputyId=dp-008',
    ]);
  });

  it("from a deputy's page, the days that deputy receives stand out", async () => {
    phoneOf();
    const { days } = await callAs(runtime.url, CITY_STAFF, 'booking.listDays', { stationId: LINJIANG });

    const page = await openPage('bookingDays', { stationId: LINJIANG, deputyId: 'dp-008' });

    const marks = page.text().split('周小燕代表这天接待').length - 1;
    expect(marks).toBe(days.filter((d) => d.deputyIds.includes('dp-008')).length);
    expect(page.text()).toMatch(/值班代表：[^ ]*周小燕/);
  });
});

describe('签到: the resident scans the station code on the day', () => {
  let scene: string;
  beforeAll(async () => {
    scene = (await callAs(runtime.url, CITY_STAFF, 'booking.getCheckInQr', { stationId: 'st-qingshi' })).scene;
  });

  /** A booking at 青石 today, placed in the store for the phone's resident (the day is today, so it cannot be booked ahead). */
  async function bookedTodayAtQingshi(visitor: { id: string; code: string; openid: string; name: string; phone: string; topic: string }): Promise<void> {
    placeBooking(runtime.url, await todayAt('st-qingshi'), { ...visitor, areaPath: ['area-linjiang', 'area-jiangnan', 'area-qingshi'], stationAddress: '青石镇' });
  }

  it('checks in a resident booked for today, from the code WeChat opens the page with', async () => {
    const phone = phoneOf();
    await bookedTodayAtQingshi({ id: 'bk-checkin-today', code: 'CHK234', openid: phone.openid, name: '赵阿姨', phone: '13700000000', topic: '村口路灯' });

    const page = await openPage('checkIn', { scene: encodeURIComponent(scene) });

    expect(page.text()).toContain('签到成功');
    expect(page.text()).toContain('青石镇人大代表联络站');
    const { upcoming, past } = await callAs(runtime.url, phone.openid, 'booking.listMine', {});
    expect([...upcoming, ...past].map((b) => b.status)).toEqual(['checkedIn']);
  });

  it("on the wrong day says the server's words, and offers 我的预约", async () => {
    const phone = phoneOf();
    const day = await addDay('st-qingshi', 3, 3);
    await callAs(runtime.url, phone.openid, 'booking.book', {
      dayId: day._id,
      slotId: '0900',
      topic: TOPIC,
      name: '钱大爷',
      phone: '13600000000',
      clientRequestId: 'wrong-day-0001',
    });

    const page = await openPage('checkIn', { scene: encodeURIComponent(scene) });

    expect(page.text()).toBe('! 没有签到成功 您的预约不在今天，请在预约当天到联络站签到 查看我的预约 返回首页');
  });

  it('the scan button in 我的预约 opens the check-in page for a station code, and explains any other code', async () => {
    const phone = phoneOf();
    await bookedTodayAtQingshi({ id: 'bk-checkin-scan', code: 'SCN234', openid: phone.openid, name: '孙阿姨', phone: '13500000000', topic: '医保报销' });
    const mine = await openPage('myBookings');

    phone.wx.nextScan = { path: 'pages/station/index?stationId=st-qingshi', result: '' };
    await mine.tap('扫码签到');
    await mine.waitFor(() => phone.wx.toasts.length > 0, 'the explanation');
    expect(phone.wx.toasts).toEqual(['签到码无效，请扫描联络站现场张贴的签到码']);

    phone.wx.nextScan = { path: `pages/check-in/index?scene=${encodeURIComponent(scene)}`, result: '' };
    await mine.tap('扫码签到');
    await mine.waitFor(() => phone.wx.navigations.length > 0, 'the check-in page');
    expect(phone.wx.navigations).toEqual([`/pages/check-in/index?scene=${encodeURIComponent(scene)}`]);
  });
});

/** The station's reception day today: added by staff unless it is a reception day already. */
async function todayAt(stationId: string): Promise<ReceptionDayView> {
  const date = shanghaiDate(runtime.clock.now());
  const { days } = await callAs(runtime.url, CITY_STAFF, 'booking.listDays', { stationId });
  const existing = days.find((d) => d.date === date);
  if (existing) return existing;
  const { day } = await callAs(runtime.url, CITY_STAFF, 'booking.addDay', { stationId, date, windows: [{ start: '00:00', end: '00:30' }], slotMinutes: 30, seatsPerSlot: 5 });
  return day;
}

function openDayLabel(page: PageDriver, dayId: string): string {
  const view = page.data.view as { days: Array<{ id: string; dateLabel: string }> };
  return view.days.find((d) => d.id === dayId)?.dateLabel ?? '';
}

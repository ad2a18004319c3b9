/** @jest-environment jsdom */
/**
 * Reception day at the station, as staff run it: the roster, checking visitors in by their
 * booking code, walk-ins, reception records and the station's arrangements. Real pages of the
 * staff subpackage against the real local runtime.
 */
import type { ReceptionDayView } from '../../../miniprogram/shared/domain/booking';
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { usePageRuntime } from '../support/local-runtime';
import { openPage } from '../support/page';
import { callAs, CITY_STAFF } from '../support/runtime-calls';
import { placeBooking } from '../support/runtime-store';
import { installDevice, type DeviceDouble } from '../support/wx-device';
import { installDialogs, queryOf, type DialogDouble } from '../support/wx-dialogs';
import { installWx, localRuntimeFunctions, type WxDouble } from '../support/wx-double';
import { BEISHAN_STAFF } from '../../support/people';
import { submitCorrecting } from '../support/forms';

const BEISHAN = { areaPath: ['area-linjiang', 'area-jiangbei', 'area-beishan'], stationAddress: '临江市江北区北山镇政府便民服务大厅东侧' };

const runtime = usePageRuntime();
let today: ReceptionDayView;
beforeAll(async () => {
  const date = shanghaiDate(runtime.clock.now());
  const { days } = await callAs(runtime.url, CITY_STAFF, 'booking.listDays', { stationId: 'st-beishan' });
  today =
    days.find((d) => d.date === date) ??
    (await callAs(runtime.url, CITY_STAFF, 'booking.addDay', { stationId: 'st-beishan', date, windows: [{ start: '00:00', end: '00:30' }], slotMinutes: 30, seatsPerSlot: 5 })).day;
  // A visitor booked for today: placed in the store, since at most hours today's slots have begun and no longer take bookings.
  placeBooking(runtime.url, today, { id: 'bk-roster-1', code: 'WXY234', openid: 'resident-roster', name: '周大爷', phone: '13811112222', topic: '村道硬化', ...BEISHAN });
});

function staffPhone(openid = BEISHAN_STAFF): { wx: WxDouble; device: DeviceDouble; dialogs: DialogDouble } {
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url, openid) });
  const device = installDevice(wx, { runtimeUrl: runtime.url });
  return { wx, device, dialogs: installDialogs() };
}

describe('接待日管理: the roster', () => {
  it("opens on the station staff's own station and today, with the booking, and checks the visitor in by scanning their code", async () => {
    const { wx } = staffPhone();

    const page = await openPage('staffRoster');

    const text = page.text();
    expect(text).toContain('北山镇人大代表联络站');
    expect(text).toContain('（今天）');
    expect(text).toContain('已预约未到 1');
    expect(text).toContain('周大爷 13811112222 事由：村道硬化 预约码 WXY-234 签到');

    wx.nextScan = { result: 'WXY234' };
    await page.tap('扫预约码签到');

    await page.waitFor(() => page.text().includes('周大爷 已签到'), 'the check-in');
    await page.waitFor(() => page.text().includes('填写接待记录'), 'the roster to follow');
    expect(page.text()).toMatch(/已签到 \d{2}:\d{2}|迟到签到 \d{2}:\d{2}/);
    expect(page.text()).toContain('已签到 1');
    const { past, upcoming } = await callAs(runtime.url, 'resident-roster', 'booking.listMine', {});
    expect([...upcoming, ...past].map((b) => b.status)).toEqual(['checkedIn']);
  });

  it('shows a booking a resident made for a later day, and explains a code that is not for today', async () => {
    const { days } = await callAs(runtime.url, CITY_STAFF, 'booking.listDays', { stationId: 'st-beishan' });
    const later = days.find((d) => d.date > today.date && d.slots.some((s) => s.state === 'open')) as ReceptionDayView;
    const slot = later.slots.find((s) => s.state === 'open');
    const { booking } = await callAs(runtime.url, 'resident-later', 'booking.book', {
      dayId: later._id,
      slotId: slot?.id ?? '',
      topic: '学校门口交通安全',
      name: '吴阿姨',
      phone: '13933334444',
      clientRequestId: 'later-booking-0001',
    });
    const { wx } = staffPhone();
    const page = await openPage('staffRoster', { stationId: 'st-beishan', dayId: later._id });

    expect(page.text()).toContain(`吴阿姨 13933334444 事由：学校门口交通安全 预约码 ${booking.code.slice(0, 3)}-${booking.code.slice(3)}`);
    expect(page.text()).not.toContain('（今天）');

    await page.type('.code-input', booking.code.toLowerCase());
    await page.tap('签到');
    await page.waitFor(() => page.data.result !== '', 'the answer');
    expect(page.data.result).toBe('该预约不是今天的，请核对日期；来访者在现场时可为其现场登记');

    wx.nextScan = { result: 'https://example.com/not-a-code' };
    await page.tap('扫预约码签到');
    await page.waitFor(() => page.data.result !== '该预约不是今天的，请核对日期；来访者在现场时可为其现场登记', 'the explanation');
    expect(page.text()).toContain('没有认出预约码。请扫描居民手机上「我的预约」里的条形码，或在下面输入预约码');
  });

  it("opens a past day's roster from the day picker, where cancelled days are marked too", async () => {
    const cancelledDate = addDays(shanghaiDate(runtime.clock.now()), 12);
    const { day: cancelled } = await callAs(runtime.url, CITY_STAFF, 'booking.addDay', { stationId: 'st-nanhu', date: cancelledDate });
    await callAs(runtime.url, CITY_STAFF, 'booking.cancelDay', { dayId: cancelled._id });
    staffPhone(CITY_STAFF);

    const page = await openPage('staffRoster', { stationId: 'st-nanhu' });
    const days = page.data.days as Array<{ id: string; label: string }>;
    const pastDate = addDays(shanghaiDate(runtime.clock.now()), -16);
    const past = days.find((d) => d.id.endsWith(pastDate)) as { id: string; label: string };
    expect(days.find((d) => d.id === cancelled._id)?.label).toMatch(/（已取消）$/);

    await page.tap(past.label);
    await page.waitFor(() => (page.data.roster as { dateLabel: string } | null)?.dateLabel === past.label, 'the past roster');
    expect(page.text()).toContain('陈大爷');
    expect(page.text()).toContain('签到和现场登记在接待日当天进行。');

    await page.tap('更早');
    await page.waitFor(() => !(page.data.days as Array<{ id: string }>).some((d) => d.id === past.id), 'the earlier window');
    await page.tap('更晚');
    await page.waitFor(() => (page.data.days as Array<{ id: string }>).some((d) => d.id === past.id), 'back to the window with the past day');
  });

  it('lets city staff pick the station first', async () => {
    staffPhone(CITY_STAFF);

    const page = await openPage('staffRoster');

    expect(page.text()).toContain('选择联络站 北山镇人大代表联络站 临江街道人大代表联络站 南湖街道人大代表联络站 青石镇人大代表联络站');
    await page.tap('北山镇人大代表联络站');
    await page.waitFor(() => page.data.roster !== null, 'the roster');
    expect(page.text()).toContain('换一个联络站');
  });

  it('turns away someone who is not staff, in plain words', async () => {
    staffPhone('resident-curious');

    const page = await openPage('staffRoster');

    expect(page.text()).toContain('这里是联络站工作人员使用的，您的微信还没有开通工作人员权限');
  });
});

describe('现场登记 and 接待记录', () => {
  it('registers a walk-in, who then shows on the roster as arrived', async () => {
    const { wx, dialogs } = staffPhone();
    const roster = await openPage('staffRoster', { stationId: 'st-beishan', dayId: today._id });
    await roster.tap('现场登记来访者');
    await roster.waitFor(() => wx.navigations.length > 0, 'the walk-in form');
    const form = await openPage('staffWalkIn', queryOf(wx.navigations[0] as string));

    await submitCorrecting(form, '登记', [
      { says: '请填写来访者姓名或称呼', type: { '.name-input': '郑大姐', '.phone-input': '137', '.topic-input': '想了解养老补贴怎么申请' } },
      { says: '请填写正确的11位手机号码', type: { '.phone-input': '' } },
    ]);

    await form.waitFor(() => form.data.registered === '郑大姐', 'the registration');
    expect(form.text()).toContain('已登记：郑大姐。可以继续登记下一位。');
    expect(form.data).toMatchObject({ name: '', topic: '' });
    await form.tap('返回名单');
    await form.waitFor(() => dialogs.backs === 1, 'going back');

    await roster.lifecycle('onShow');
    await roster.waitFor(() => roster.text().includes('郑大姐'), 'the walk-in on the roster');
    expect(roster.text()).toMatch(/现场登记 \d{2}:\d{2} 已签到 \d{2}:\d{2} 郑大姐/);
  });

  it('records what a visitor raised, one item turned into an opinion', async () => {
    placeBooking(runtime.url, today, { id: 'bk-roster-2', code: 'RCD234', openid: 'resident-record', name: '冯大爷', phone: '13855556666', topic: '灌溉水渠', ...BEISHAN });
    await callAs(runtime.url, BEISHAN_STAFF, 'booking.staffCheckIn', { code: 'RCD234' });
    staffPhone();

    const page = await openPage('staffRecord', { dayId: today._id, bookingId: 'bk-roster-2' });
    expect(page.text()).toContain('冯大爷 预约事由：灌溉水渠');

    await page.tap('保存接待记录');
    expect(page.text()).toContain('请至少写一件来访者反映的事情');
    await page.type('.item-text-0', '三组水渠年久失修，春灌前需要清淤');
    await page.toggle('.item-opinion-0', true);
    await page.toggle('.item-category-0', 1 as never);
    await page.tap('再加一条');
    await page.type('.item-text-1', '询问低保政策，已当场解答');
    await page.tap('保存接待记录');

    await page.waitFor(() => page.data.saved === true, 'the record');
    expect(page.text()).toContain('接待记录已保存 标为「转为意见建议」的事项，会以冯大爷的名义进入意见办理。');
    const { items: opinions } = await callAs(runtime.url, 'resident-record', 'opinion.listMine', {});
    expect(opinions).toHaveLength(1);
    const trackingNo = opinions[0]?.trackingNo ?? '';
    expect(opinions[0]).toMatchObject({ categoryLabel: '交通出行', excerpt: '三组水渠年久失修，春灌前需要清淤', lastEvent: { note: '接待时记录' } });
    expect(page.text()).toContain(`意见编号：${trackingNo}，可告知来访者在「我的意见」中查看进展。`);
    const roster = await callAs(runtime.url, BEISHAN_STAFF, 'booking.getRoster', { dayId: today._id });
    expect(roster.entries.find((e) => e._id === 'bk-roster-2')?.recorded).toBe(true);
  });

  it('opens a record written before for editing; an item already an opinion stays one, and saving again makes no second', async () => {
    const page = await openPage('staffRecord', { dayId: today._id, bookingId: 'bk-roster-2' });
    const { items: before } = await callAs(runtime.url, 'resident-record', 'opinion.listMine', {});

    expect(page.text()).toContain('修改已保存的接待记录；已转为意见的事项不再更改。');
    expect(page.text()).toContain(`三组水渠年久失修，春灌前需要清淤 已转为意见， 编号 ${before[0]?.trackingNo} （交通出行）`);
    expect(page.data.items).toMatchObject([{ opinionId: before[0]?.opinionId }, { text: '询问低保政策，已当场解答', toOpinion: false }]);

    await page.type('.item-text-1', '询问低保政策，已当场解答，下周回访');
    await page.tap('保存接待记录');

    await page.waitFor(() => page.data.saved === true, 'the record saved again');
    const { items: after } = await callAs(runtime.url, 'resident-record', 'opinion.listMine', {});
    expect(after.map((o) => o.opinionId)).toEqual(before.map((o) => o.opinionId));
    const { record } = await callAs(runtime.url, BEISHAN_STAFF, 'booking.getRecord', { bookingId: 'bk-roster-2' });
    expect(record?.items.map((i) => i.text)).toEqual(['三组水渠年久失修，春灌前需要清淤', '询问低保政策，已当场解答，下周回访']);
  });
});

describe('接待安排: rule, single days and the check-in code', () => {
  it("shows the station's rule, saves a new one, and says how many days it made", async () => {
    staffPhone();
    const page = await openPage('staffSchedule', { stationId: 'st-beishan' });
    expect(page.text()).toContain('现在按默认规则：每月15日（遇节假日顺延）');
    expect(page.data).toMatchObject({ kind: 'monthly', dayOfMonth: '15', slotMinutes: '30', seatsPerSlot: '3' });

    await page.type('.seats-input', '0');
    await page.tap('保存规则');
    expect(page.text()).toContain('每个时段的名额请填1到200人');

    await page.tap('每周一次');
    await page.tap('周三');
    await page.type('.seats-input', '4');
    await page.type('.window-end-1', '14:45');
    await submitCorrecting(page, '保存规则', [{ says: '14:30–14:45 不足一个预约时长（30分钟）', type: { '.window-end-1': '16:30' } }]);

    await page.waitFor(() => page.data.ruleResult !== '', 'the saved rule');
    expect(page.data.ruleResult).toMatch(/^已保存。新增\d+个接待日/);
    const { rule } = await callAs(runtime.url, BEISHAN_STAFF, 'booking.getRule', { stationId: 'st-beishan' });
    expect(rule).toMatchObject({
      pattern: { kind: 'weekly', weekday: 3 },
      seatsPerSlot: 4,
      windows: [
        { start: '09:00', end: '11:30' },
        { start: '14:30', end: '16:30' },
      ],
    });
  });

  it('adds a single day and cancels one, asking first', async () => {
    const { dialogs } = staffPhone(CITY_STAFF);
    const page = await openPage('staffSchedule', { stationId: 'st-nanhu' });
    const date = addDays(shanghaiDate(runtime.clock.now()), 40);

    await page.tap('添加接待日');
    expect(page.text()).toContain('请先选择日期');
    await page.toggle('.date-picker', date as never);
    await page.tap('添加接待日');
    await page.waitFor(() => page.data.dayResult !== '', 'the added day');
    expect(page.data.dayResult).toMatch(/^已添加接待日：\d{1,2}月\d{1,2}日 周./);

    const days = page.data.days as Array<{ id: string; label: string }>;
    const first = days[0] as { id: string; label: string };
    await page.tap('取消这天');
    await page.waitFor(() => page.data.dayResult !== '' && !(page.data.days as Array<{ id: string }>).some((d) => d.id === first.id), 'the cancelled day');
    expect(dialogs.modals[0]).toMatchObject({ title: `取消${first.label}的接待？`, confirmText: '取消接待' });
    expect(page.data.dayResult).toBe(`已取消${first.label}的接待。`);
  });

  it("shows the station's check-in code to print", async () => {
    const { device } = staffPhone();
    const page = await openPage('staffSchedule', { stationId: 'st-beishan' });

    await page.tap('显示签到码');

    await page.waitFor(() => page.data.qrUrl !== '', 'the code');
    expect(page.data.qrUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*checkin-BS01\.png/);
    await page.tap('查看大图');
    expect(device.previews).toEqual([{ urls: [page.data.qrUrl], current: page.data.qrUrl }]);
  });
});

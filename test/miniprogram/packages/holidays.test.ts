/** @jest-environment jsdom */
/**
 * 节假日安排: staff are told on the home page that next year's holidays are missing; an administrator
 * records them from the State Council's notice on the holidays page; other staff only read. Real
 * pages against the real local runtime, on Wednesday 2026-11-18 (2027 is not in the package).
 *
 * The 2027 dates typed here are made up for the test, not the State Council's.
 */
import { usePageRuntime } from '../support/local-runtime';
import { openPage, type PageDriver } from '../support/page';
import { callAs, CITY_STAFF } from '../support/runtime-calls';
import { installWx, localRuntimeFunctions, type WxDouble } from '../support/wx-double';
import { JIANGNAN_STAFF } from '../../support/people';

const runtime = usePageRuntime();

function staffPhone(openid: string): WxDouble {
  return installWx({ functions: localRuntimeFunctions(runtime.url, openid) });
}

async function pick(page: PageDriver, picker: string, date: string): Promise<void> {
  await page.toggle(picker, date as never);
}

describe('节假日安排', () => {
  it('tells staff on the home page that 2027 is missing, and takes them to the calendar', async () => {
    const wx = staffPhone(JIANGNAN_STAFF);
    const home = await openPage('home');
    await home.waitFor(() => home.text().includes('节假日安排尚未录入'), 'the notice');
    expect(home.text()).toContain('2027年节假日安排尚未录入，接待日和办理期限暂按双休日计算。点此查看');
    await home.tap('2027年节假日安排尚未录入，接待日和办理期限暂按双休日计算。点此查看');
    expect(wx.navigations).toEqual(['/packages/staff/holidays/index']);

    const page = await openPage('staffHolidays');
    expect(page.text()).toContain('2026年 来自节假日数据包');
    expect(page.text()).toContain('春节：2月15日至2月23日放假 · 调休上班 2月14日 周六、2月28日 周六');
    expect(page.text()).toContain('2027年节假日安排尚未录入：这些日子的接待日还没有避开节假日，办理期限暂按双休日计算。请联系管理员按国务院办公厅的放假通知录入。');
    expect(page.text()).not.toContain('修改');
    expect(page.text()).not.toContain('录入明年的节假日安排');
  });

  it('lets an administrator record 2027, checking it as the server does before sending', async () => {
    const wx = staffPhone(CITY_STAFF);
    const page = await openPage('staffHolidays');
    await page.tap('录入明年的节假日安排');
    expect(page.text()).toContain('录入2027年节假日安排');
    expect(page.data.rows).toHaveLength(7);

    await pick(page, '.from-0', '2027-01-01');
    await pick(page, '.to-0', '2027-01-03');
    await page.tap('保存');
    expect(page.text()).toContain('春节的名称和起止日期都要填写');

    await pick(page, '.from-1', '2027-02-10');
    await pick(page, '.to-1', '2027-02-16');
    await pick(page, '.workday1-1', '2027-02-18');
    for (const name of ['清明节', '劳动节', '端午节', '中秋节', '国庆节']) await page.tap(`删除${name}`);
    await page.tap('保存');
    expect(page.text()).toContain('春节的调休上班日 2027-02-18 不是周末');
    expect(wx.cloudCalls.filter((call) => call.action === 'admin.saveHolidayYear')).toEqual([]);

    await pick(page, '.workday1-1', '2027-02-20');
    await page.tap('保存');
    await page.waitFor(() => page.text().includes('2027年 修改 工作人员录入'), 'the saved year in the list');
    expect(page.text()).toContain('2027年节假日安排已保存');
    expect(page.text()).toContain('2027年 修改 工作人员录入 · 2026年11月18日 10:00');
    expect(page.text()).toContain('春节：2月10日至2月16日放假 · 调休上班 2月20日 周六');
    expect(page.text()).not.toContain('尚未录入');

    const { missingYears } = await callAs(runtime.url, JIANGNAN_STAFF, 'admin.listHolidayYears', {});
    expect(missingYears).toEqual([]);
    staffPhone(JIANGNAN_STAFF);
    const home = await openPage('home');
    await home.waitFor(() => home.text().includes('意见办理'), 'the staff entries');
    expect(home.text()).not.toContain('尚未录入');
  });
});

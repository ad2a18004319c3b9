/** @jest-environment jsdom */
/**
 * 代表履职 on the real pages against the real local runtime: the deputy reads their 履职档案 with its
 * points line by line (an activity staff added for them appears with its points); staff open it for a
 * deputy they cover; a resident reads a 述职评议 report, is told to choose before submitting, rates it
 * once and then sees only their own rating.
 */
import { shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { pageClock } from '../support/local-runtime';
import { openPage, openReadyPage } from '../support/page';
import { callAs, CITY_STAFF } from '../support/runtime-calls';
import { usePagePhones } from '../support/phones';
import { fillActivity } from '../support/forms';
import { openLiuStationReview } from '../support/duty-reviews';

const LIU = 'demo-deputy-liu';

const { runtime, phoneOf } = usePagePhones();

describe('履职档案', () => {
  it('the deputy sees the year with its total and why, line by line; an activity staff add for them shows with its points', async () => {
    const year = shanghaiDate(pageClock().now()).slice(0, 4);
    await callAs(runtime.url, CITY_STAFF, 'duty.addActivity', {
      clientRequestId: 'page-duty-activity-01',
      type: 'votersMeeting',
      date: `${year}-06-01`,
      place: '湖滨社区党群服务中心',
      note: '代表·选民面对面，听取加装电梯的意见',
      deputyIds: ['dp-005'],
    });
    phoneOf(LIU);
    const page = await openReadyPage('dutyRecord', {}, 'the record');
    expect(page.text()).toContain(`刘德明 · ${year}年履职档案`);
    expect(page.text()).toMatch(/积分 -?\d+ 分/);
    expect(page.text()).toContain('代表·选民面对面：湖滨社区党群服务中心');
    expect(page.text()).toContain('按默认规则计4分');
  });

  it('staff open the record of a deputy they cover; a resident is told it is not theirs to see', async () => {
    phoneOf(CITY_STAFF);
    const staffPage = await openReadyPage('dutyRecord', { deputyId: 'dp-005' }, 'the record');
    expect(staffPage.text()).toContain('刘德明');
    phoneOf('page-duty-plain-resident');
    const refused = await openPage('dutyRecord', { deputyId: 'dp-005' });
    await refused.waitFor(() => refused.data.status === 'error', 'the refusal');
    expect(refused.text()).toContain('没有权限');
  });
});

describe('履职活动', () => {
  it('the deputy adds an activity with its place and note, sees it awaiting confirmation, and confirmed once staff confirm it', async () => {
    phoneOf(LIU);
    const page = await openReadyPage('dutyActivity', {}, 'the activities');
    await page.tap('提交，等待确认');
    expect(page.text()).toContain('请先选择活动类型');
    await fillActivity(page, { kind: '调研', place: '湖滨社区养老服务站', note: '调研居家养老上门服务' });
    await page.tap('提交，等待确认');
    await page.waitFor(() => page.text().includes('湖滨社区养老服务站'), 'the new activity');
    const today = shanghaiDate(pageClock().now());
    expect(page.text()).toContain(`${today} 调研：湖滨社区养老服务站 调研居家养老上门服务 待工作人员确认`);

    const [row] = (page.data.view as { rows: unknown[] }).rows as Array<{ id: string }>;
    await callAs(runtime.url, CITY_STAFF, 'duty.reviewActivity', { activityId: row!.id, confirm: true });
    const again = await openReadyPage('dutyActivity', {}, 'the activities');
    expect(again.text()).toContain('调研：湖滨社区养老服务站 调研居家养老上门服务 已确认');
  });

  it('a place too short is refused in Chinese and nothing is added', async () => {
    phoneOf(LIU);
    const page = await openReadyPage('dutyActivity', {}, 'the activities');
    const before = ((page.data.view as { rows: unknown[] }).rows as unknown[]).length;
    await fillActivity(page, { kind: '会议', place: '站', note: '列席会议' });
    await page.tap('提交，等待确认');
    await page.waitFor(() => page.data.formError !== '' && !page.data.working, 'the refusal');
    expect(page.text()).toContain('请至少写2个字');
    expect(((page.data.view as { rows: unknown[] }).rows as unknown[]).length).toBe(before);
  });
});

describe('述职评议', () => {
  it('a resident who scanned the station reads the report, rates it once, and then sees only their own rating', async () => {
    const today = shanghaiDate(pageClock().now());
    const { reviewId } = await openLiuStationReview(runtime.url, CITY_STAFF, today, { clientRequestId: 'page-duty-review-01', title: '本年度代表向选民述职评议' });
    phoneOf('page-duty-resident');
    const page = await openReadyPage('dutyReport', { reviewId, deputyId: 'dp-005', stationCode: 'NH01' }, 'the report');
    expect(page.text()).toContain('我是刘德明');
    await page.tap('提交评议');
    expect(page.text()).toContain('请先选择满意、基本满意或不满意');
    await page.tap('满意');
    await page.type('.comment-input', '希望多进小区');
    await page.tap('提交评议');
    await page.waitFor(() => page.text().includes('您的评议：满意'), 'the rating');
    expect(page.text()).not.toContain('提交评议');
  });
});

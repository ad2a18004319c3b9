/** @jest-environment jsdom */
/**
 * Closing the loop on a resident's opinion, on the real pages against the real local runtime:
 * staff accept it and assign it to a department, the department's handler answers, staff
 * approve the answer, and the resident — asked directly — rates it 不满意 with a reason, which
 * reopens the case on their timeline. Then the oversight figures, one drilled down, and the
 * Excel export opened on the phone.
 */
import { openPage, openReadyPage } from '../support/page';
import { callAs, DEMO_RESIDENT } from '../support/runtime-calls';
import { openedFrom, usePagePhones } from '../support/phones';
import { installDialogs } from '../support/wx-dialogs';
import { BEISHAN_STAFF, CITY_STAFF, JB_HOUSING_HANDLER, JIANGNAN_STAFF, JN_CIVIL_HANDLER } from '../../support/people';
import { submitCorrecting } from '../support/forms';

/** Left at 南湖 ten days before the seed's day and never accepted: late to accept. */
const CASE = 'case-demo-05';
const CASE_AUTHOR = 'demo-resident-105';
const CASE_EXCERPT = '湖滨社区卫生服务中心没有儿科';

const { runtime, phoneOf } = usePagePhones();

describe('超期 list', () => {
  it('opens straight on 已超期 (cases?view=overdue), each case saying how late it is, before anyone acts on them', async () => {
    phoneOf(JIANGNAN_STAFF);
    const page = await openPage('staffCases', { view: 'overdue' });

    expect(page.data.view).toBe('overdue');
    const items = page.data.items as Array<{ overdue: boolean; deadlineText: string }>;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.deadlineText).toMatch(/超期/);
    expect(page.countClass('case-card__deadline--overdue')).toBe(items.filter((item) => item.overdue).length);
  });
});

describe('a case from 待受理 to the resident’s 不满意', () => {
  it('staff see it late in red in 待受理, accept it and assign it to a department with a note', async () => {
    const wx = phoneOf(JIANGNAN_STAFF);
    const list = await openPage('staffCases');

    // Every tab says how many cases it holds: the counts of the first page.
    const { counts } = await callAs(runtime.url, JIANGNAN_STAFF, 'casework.list', { view: 'toAccept', pageSize: 1 });
    const tabRow = (of: Record<string, number>) =>
      `待受理 ${of.toAccept} 待交办 ${of.toAssign} 办理中 ${of.handling} 待审核 ${of.toReview} 待评价 ${of.awaitingRating} 已办结 已超期 ${of.overdue} 退回待改派 ${of.referred} 全部`;
    expect(counts?.toAccept).toBeGreaterThan(0);
    expect(list.text()).toContain(tabRow(counts ?? {}));
    expect(list.text()).toContain(CASE_EXCERPT);
    expect(list.text()).toMatch(/受理已超期 \d+ 个工作日/);
    expect(list.countClass('case-card__deadline--overdue')).toBeGreaterThan(0);

    await list.tap(`${CASE_EXCERPT}，孩子发烧要跑很远，希望增设儿科门诊。`);
    const query = await openedFrom(wx, list, 'the case to open');
    expect(query).toEqual({ opinionId: CASE });

    const page = await openPage('staffCase', query);
    expect(page.text()).toContain('已提交');
    await page.tap('受理');
    await page.waitFor(() => page.text().includes('交办承办单位'), 'the case accepted');
    expect(page.text()).toContain('已受理');
    // Staff read the timeline about the resident, not to them.
    expect(page.text()).toContain('联络站已受理居民的意见');
    expect(page.text()).not.toContain('您的意见');

    await page.tap('交办承办单位');
    // The deadline the back end says a 交办 made now gets (configured days, holiday calendar), not a default on the phone.
    expect(page.text()).toMatch(/现在交办，承办单位应在15个工作日内（\d+月\d+日 周.当天结束前）办理答复。/);
    await page.tap('确认交办');
    expect(page.text()).toContain('请至少选择一个承办单位');
    expect(page.text()).toContain('请写明交办要求');
    await page.tap('江南区民政局');
    await page.type('.note-input', '请研究在湖滨社区卫生服务中心开设儿科门诊');
    await page.tap('确认交办');

    await page.waitFor(() => page.text().includes('前答复'), 'the assignment');
    expect(page.text()).toContain('办理中');
    expect(page.text()).toMatch(/江南区民政局 第1轮 · \d+年\d+月\d+日交办 · \d+年\d+月\d+日前答复 尚未答复/);
    expect(page.text()).toContain('请研究在湖滨社区卫生服务中心开设儿科门诊');

    await page.tap('督办');
    await submitCorrecting(page, '发送督办', [{ says: '请写明督办要求', type: { '.note-input': '群众反映急迫，请尽快研究' } }]);
    await page.waitFor(() => page.text().includes('已督办1次'), 'the urging');
    expect(page.text()).toContain('群众反映急迫，请尽快研究');

    // Back on the list: the case left 待受理 for 办理中, and 已超期 (its new deadline is weeks away), and the tabs say so.
    await list.lifecycle('onShow');
    const before: Record<string, number> = counts ?? {};
    const moved = { ...before, toAccept: (before.toAccept ?? 0) - 1, handling: (before.handling ?? 0) + 1, overdue: (before.overdue ?? 0) - 1 } as Record<string, number>;
    await list.waitFor(() => list.text().includes(tabRow(moved)), 'the counts to follow the case');
  });

  it("another department's handler cannot open it; the assigned handler answers it 列入计划 with a reason", async () => {
    phoneOf(JB_HOUSING_HANDLER);
    const stranger = await openPage('staffCase', { opinionId: CASE });
    expect(stranger.data.status).toBe('error');

    const wx = phoneOf(JN_CIVIL_HANDLER);
    const desk = await openPage('staffAssigned');
    expect(desk.text()).toContain(CASE_EXCERPT);
    await desk.tap(`${CASE_EXCERPT}，孩子发烧要跑很远，希望增设儿科门诊。`);
    const page = await openPage('staffCase', await openedFrom(wx, desk, 'the case to open'));

    await page.tap('列入计划');
    await page.type('.answer-input', '已将儿科门诊列入明年社区卫生服务能力提升计划。');
    await submitCorrecting(page, '提交办理结果', [{ says: '列入计划或留作参考时，请说明理由', type: { '.reason-input': '需招聘儿科医生' } }]);

    await page.waitFor(() => page.text().includes('办理结果审核中'), 'the answer');
    expect(page.text()).toContain('办理结果：列入计划');
    expect(page.text()).toContain('理由：需招聘儿科医生');
    expect(page.text()).not.toContain('提交办理结果');
  });

  it('staff approve the answer, and the resident is asked to rate it', async () => {
    phoneOf(JIANGNAN_STAFF);
    const page = await openPage('staffCase', { opinionId: CASE });
    expect(page.text()).toContain('已将儿科门诊列入明年社区卫生服务能力提升计划。');

    await page.tap('审核通过');
    await page.waitFor(() => page.text().includes('正在等待群众评价，不需要操作'), 'the approval');
    expect(page.text()).toContain('待评价');
  });

  it('the resident rates 不满意 with a reason and sees it reopened on the timeline', async () => {
    phoneOf(CASE_AUTHOR);
    const dialogs = installDialogs();
    const page = await openPage('opinion', { opinionId: CASE });
    expect(page.text()).toContain('请评价办理结果 办理结果：列入计划。');

    await page.tap('不满意');
    await submitCorrecting(page, '提交评价', [{ says: '请说说哪里不满意，我们会重新交办', type: { '.rating-comment': '明年太晚了，孩子现在就要看病' } }]);

    await page.waitFor(() => page.text().includes('已根据您的意见重新交办'), 'the reopening');
    expect(page.text()).toContain('重新交办中');
    expect(page.text()).toContain('您的评价：不满意：明年太晚了，孩子现在就要看病');
    expect(page.text()).not.toContain('提交评价');
    const { status } = await callAs(runtime.url, JIANGNAN_STAFF, 'casework.get', { opinionId: CASE });
    expect(status).toBe('reopened');
    // The case reopens: no 回访 to allow.
    expect(dialogs.subscribeRequests).toEqual([]);
  });
});

describe('回访 message', () => {
  it('a resident who rates 满意 is asked once to allow the 回访 message, and the acceptance is recorded', async () => {
    const wx = phoneOf(DEMO_RESIDENT);
    const dialogs = installDialogs();
    /** The seeded opinion 陈建华 answered four days ago. */
    const page = await openPage('opinion', { opinionId: 'op-demo-003' });
    expect(page.text()).toContain('请评价办理结果');

    await page.tap('满意');
    await page.tap('提交评价');

    await page.waitFor(() => page.text().includes('您的评价：满意'), 'the rating');
    expect(dialogs.subscribeRequests).toEqual([['lxq-case-follow-up']]);
    await page.waitFor(() => wx.cloudCalls.some((call) => call.action === 'account.grantSubscriptions'), 'the acceptance recorded');
    expect(wx.cloudCalls.filter((call) => call.action === 'account.grantSubscriptions').map((call) => call.payload)).toEqual([{ templateIds: ['lxq-case-follow-up'] }]);
  });
});

describe('审核: 退回重办', () => {
  it('staff return an answer with the reason, and the case goes back to the department', async () => {
    await callAs(runtime.url, JN_CIVIL_HANDLER, 'casework.answer', {
      opinionId: 'case-demo-07',
      category: 'reference',
      text: '高龄补贴按季度发放。',
      reason: '发放时间由市里统一确定',
    });
    phoneOf(JIANGNAN_STAFF);
    const page = await openPage('staffCase', { opinionId: 'case-demo-07' });
    expect(page.text()).toContain('办理结果审核中');

    await page.tap('退回重办');
    await submitCorrecting(page, '确认退回', [{ says: '请写明退回的理由和需要重新办理的内容', type: { '.note-input': '请明确本镇具体发放日期并公示' } }]);

    await page.waitFor(() => page.text().includes('办理中'), 'the return');
    expect(page.text()).toContain('请明确本镇具体发放日期并公示');
    expect(page.text()).toContain('督办');
  });
});

describe('工作人员绑定', () => {
  it('a department handler binds with their code from 我是工作人员 and is taken to 承办工作台', async () => {
    const { code } = await callAs(runtime.url, CITY_STAFF, 'admin.issueStaffCode', { role: 'handler', departmentId: 'dept-jn-jiaotong', name: '钱科长' });
    const wx = phoneOf('new-handler-qian');
    const home = await openPage('home');
    await home.tap('我是工作人员');
    const page = await openPage('staffBind', await openedFrom(wx, home, 'the binding page'));

    await page.type('.code-input', 'abc');
    await submitCorrecting(page, '绑定', [{ says: '绑定码是8位字母和数字，请核对后重新输入', type: { '.code-input': `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}` } }]);

    await page.waitFor(() => page.text().includes('绑定成功'), 'the binding');
    expect(page.text()).toContain('您已绑定为：江南区交通运输局 承办单位经办人。');
    await page.tap('进入承办工作台');
    await page.waitFor(() => wx.navigations.some((url) => url.startsWith('/packages/staff/assigned/index')), 'the handler desk');

    const again = await openPage('home');
    expect(again.text()).toContain('承办工作台');
    expect(again.text()).not.toContain('我是工作人员');
    expect(again.text()).not.toContain('接待日管理');
  });

  it('someone who is not staff opening 意见办理 is told how to bind, not shown an error', async () => {
    phoneOf('resident-curious');
    const page = await openPage('staffCases');
    expect(page.text()).toContain('还没有开通工作人员权限');
    expect(page.text()).toContain('去绑定');
  });
});

describe('统计与导出', () => {
  it('station staff see their station’s figures with its deputies to count one alone, from the first screen', async () => {
    phoneOf(BEISHAN_STAFF);
    const page = await openReadyPage('staffStats', {}, 'the figures');
    const scopeName = () => (page.data.view as { scopeName: string } | null)?.scopeName ?? '';
    expect(scopeName()).toContain('北山');
    await page.waitFor(() => page.text().includes('王志强代表'), 'the station’s deputies');
    await page.tap('王志强代表');
    await page.waitFor(() => scopeName().includes('王志强'), 'one deputy alone');
  });

  it('shows this month’s figures as cards, drills one down to its cases, and opens the Excel export', async () => {
    const wx = phoneOf(JIANGNAN_STAFF);
    const documents: Array<{ filePath: string; fileType: string }> = [];
    Object.assign((globalThis as unknown as { wx: object }).wx, {
      openDocument: (call: { filePath: string; fileType: string; success?: () => void }) => {
        documents.push({ filePath: call.filePath, fileType: call.fileType });
        call.success?.();
      },
    });

    const page = await openPage('staffStats');
    // The range shown is the one chosen: 本月 at first, 上月 once tapped.
    expect(page.data.quickRange).toBe('thisMonth');
    await page.tap('上月');
    await page.waitFor(() => page.data.quickRange === 'lastMonth' && page.data.status === 'ready', 'last month');
    await page.tap('本月');
    await page.waitFor(() => page.data.quickRange === 'thisMonth' && page.data.status === 'ready', 'this month again');
    for (const label of ['进站人次', '接待人次', '意见建议', '受理', '办结率', '已解决占比', '满意率', '平均首次响应', '超期']) {
      expect(page.text()).toContain(label);
    }
    expect(page.text()).toContain('江南区');

    await page.waitFor(() => page.text().includes('统计范围'), 'the places to choose from');
    await page.tap('南湖街道人大代表联络站');
    const scopeName = () => (page.data.view as { scopeName: string } | null)?.scopeName ?? '';
    await page.waitFor(() => scopeName() === '南湖街道人大代表联络站' && page.text().includes('林秀英代表'), "the station's figures and deputies");
    await page.tap('林秀英代表');
    await page.waitFor(() => scopeName().includes('林秀英'), 'one deputy alone');
    await page.tap('我负责的全部范围');
    await page.waitFor(() => scopeName() === '江南区', 'the whole scope again');
    expect(page.text()).not.toContain('林秀英代表');

    await page.tap('意见建议');
    const query = await openedFrom(wx, page, 'the drill-down');
    expect(query).toMatchObject({ figure: 'collected' });
    const drill = await openPage('staffDrillDown', query);
    expect(drill.text()).toContain('收集意见');
    expect(drill.text()).toContain(CASE_EXCERPT);

    await page.tap('导出Excel');
    await page.waitFor(() => page.data.exported !== null, 'the export');
    expect(page.text()).toMatch(/已生成：.+\.xlsx 共 \d+ 件意见/);
    await page.tap('打开文件');
    await page.waitFor(() => documents.length > 0, 'the spreadsheet to open');
    expect(documents[0]?.fileType).toBe('xlsx');
  });
});

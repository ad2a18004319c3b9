/** @jest-environment jsdom */
/**
 * 代表建议 on the real pages against the real local runtime, with the demo session's suggestions
 * (runtime/seed/demoSuggestions.ts): a deputy writes one with a resident's opinion and a co-signer
 * who accepts on their phone, submits it; staff review, assign to a 主办 and a 协办 unit, approve an
 * extension, re-route one a unit sent back; units answer (A), wait for 会办 views, ask for time and
 * send one back; the lead deputy rates an answer 不满意, which opens 重新办理; staff read the figures,
 * drill one down, export them and set up a session; the resident sees it on their opinion. Then 退回
 * and 改派 of an opinion case on the case page.
 */
import { openPage } from '../support/page';
import { callAs } from '../support/runtime-calls';
import { openedFrom, usePagePhones } from '../support/phones';
import { BEISHAN_STAFF, CITY_HOUSING_HANDLER, CITY_STAFF, CITY_TRANSPORT_HANDLER, JIANGNAN_STAFF, JN_CIVIL_HANDLER } from '../../support/people';
import { submitCorrecting } from '../support/forms';

const LIU = 'demo-deputy-liu';
const ZHAO = 'demo-deputy-zhao';
const ZHANG = 'demo-deputy-zhang';

const { runtime, phoneOf } = usePagePhones();

describe('a deputy writes a suggestion with a resident’s opinion and a co-signer', () => {
  let trackingNo: string;
  let suggestionId: string;

  beforeAll(async () => {
    ({ trackingNo } = await callAs(runtime.url, 'sg-page-resident', 'opinion.submit', {
      clientRequestId: 'sg-page-resident-0001',
      target: { deputyId: 'dp-005' },
      category: 'transport',
      text: '湖滨路口没有过街天桥，老人和孩子过马路很危险，希望尽快修建。',
    }));
  });

  it('the form says what is missing, keeps what was typed, and takes tracking numbers and a co-signer found by name', async () => {
    const wx = phoneOf(LIU);
    const list = await openPage('deputySuggestions');
    expect(list.text()).toContain('关于加强电动自行车充电安全管理的建议');
    await list.tap('写代表建议');
    const form = await openPage('deputySuggestionEdit', await openedFrom(wx, list, 'the form'));
    // One session accepts suggestions now: it is chosen already.
    expect(form.text()).toContain('临江市第十七届人民代表大会第六次会议');

    await form.tap('提交建议');
    expect(form.text()).toContain('还有内容需要填写或修改，请看标红的地方');
    expect(form.text()).toContain('请写明案由（至少10个字）');

    await form.type('.title-input', '关于在湖滨路修建过街天桥的建议');
    await form.tap('交通出行');
    await form.type('.cause-input', '湖滨路车流量大，学校门口没有过街设施，群众多次反映过马路危险。');
    await form.type('.content-input', '建议市交通运输局会同江南区在湖滨路学校门口修建过街天桥，并在天桥建成前增设信号灯和护学岗。');
    await form.type('.tracking-input', 'abc');
    await submitCorrecting(form, '添加', [{ says: '受理编号格式应为 NH01-261118-001，请核对', type: { '.tracking-input': trackingNo.toLowerCase() } }]);
    expect(form.text()).toContain(trackingNo);
    expect(wx.storage.get('suggestion.draft.new')).toMatchObject({ title: '关于在湖滨路修建过街天桥的建议', trackingNos: [trackingNo] });

    await form.type('.keyword-input', '赵红梅');
    await form.tap('查找');
    await form.waitFor(() => form.text().includes('赵红梅 · 市人大代表'), 'the search');
    await form.tap('赵红梅 · 市人大代表');
    expect(form.text()).toContain('赵红梅（保存后发出邀请）');

    await form.tap('保存草稿');
    await form.waitFor(() => form.text().includes('已邀请1位代表联名'), 'the save');
    expect(form.text()).toContain('赵红梅（待回复）');
    const saved = wx.storage.get('suggestion.draft.new');
    expect(saved === undefined || saved === '').toBe(true);

    await form.tap('提交建议');
    await form.waitFor(() => form.text().includes('还有代表没有回复联名邀请'), 'the refusal');
  });

  it('the co-signer finds the invitation on their phone and accepts it', async () => {
    const wx = phoneOf(ZHAO);
    const list = await openPage('deputySuggestions', { view: 'invitations' });
    expect(list.text()).toContain('关于在湖滨路修建过街天桥的建议');
    // The tabs say what each holds, as the deputy's first page counted them.
    const { counts } = await callAs(runtime.url, ZHAO, 'suggestion.listMine', { view: 'invitations', pageSize: 1 });
    expect(counts?.invitations).toBeGreaterThan(0);
    expect(list.text()).toContain(`我领衔的 ${counts?.led} 我联名的 ${counts?.coSigned} 联名邀请 ${counts?.invitations}`);
    expect(list.text()).toContain('邀请您联名，待您回复');
    await list.tap('关于在湖滨路修建过街天桥的建议');
    const query = await openedFrom(wx, list, 'the suggestion');
    suggestionId = query.suggestionId ?? '';
    const page = await openPage('deputySuggestion', query);
    expect(page.text()).toContain('刘德明代表邀请您联名这件建议');
    await page.tap('同意联名');
    await page.waitFor(() => page.text().includes('您已同意联名'), 'the answer');
    // Until it is submitted they may still change their mind: only the other answer is offered.
    expect(page.text()).toMatch(/我的操作 您已同意联名 谢绝联名 办理记录/);
  });

  it('the lead deputy submits from the suggestion page; the resident sees it on their opinion', async () => {
    phoneOf(LIU);
    const page = await openPage('deputySuggestion', { suggestionId });
    expect(page.text()).toContain('赵红梅（已同意联名）');
    await page.tap('提交建议');
    await page.waitFor(() => page.text().includes('待审查'), 'the submission');
    expect(page.text()).toContain('现在不需要您操作');

    phoneOf('sg-page-resident');
    const { opinionId } = await callAs(runtime.url, 'sg-page-resident', 'opinion.listMine', {}).then((p) => p.items[0]!);
    const opinion = await openPage('opinion', { opinionId });
    expect(opinion.text()).toContain('代表已把您的意见写进代表建议');
    expect(opinion.text()).toContain('刘德明代表根据您的意见提出代表建议《关于在湖滨路修建过街天桥的建议》');
  });
});

describe('staff review, assign, decide and re-route', () => {
  it('立案 from 待审查: the suggestion gets the session’s next number', async () => {
    const wx = phoneOf(CITY_STAFF);
    const list = await openPage('staffSuggestions');
    // Every tab says how many suggestions it holds: the counts of the first page.
    const { counts } = await callAs(runtime.url, CITY_STAFF, 'suggestion.list', { view: 'toReview', pageSize: 1 });
    const before: Record<string, number> = counts ?? {};
    const tabRow = (of: Record<string, number>) =>
      `待审查 ${of.toReview} 待交办 ${of.toAssign} 办理中 ${of.handling} 延期申请 ${of.extensions} 单位退回 ${of.referred} 待评价 ${of.answered} B类跟踪 ${of.followUp} 超期督办 ${of.overdue} 重点督办 ${of.key} 已办结 ${of.closed} 全部 ${of.all}`;
    expect(before.toReview).toBeGreaterThan(0);
    expect(list.text()).toContain(tabRow(before));
    expect(list.text()).toContain('关于完善乡村道路路灯的建议');
    await list.tap('关于完善乡村道路路灯的建议');
    const page = await openPage('staffSuggestion', await openedFrom(wx, list, 'the suggestion'));
    await page.tap('审查');
    await page.tap('确认审查结果');
    expect(page.text()).toContain('请选择审查结果');
    await page.tap('退回代表修改');
    await page.tap('确认审查结果');
    expect(page.text()).toContain('请写明理由，代表会看到');
    await page.tap('立案（建议）');
    await page.tap('确认审查结果');
    await page.waitFor(() => page.text().includes('已立案待交办'), 'the registration');
    expect(page.text()).toMatch(/第00\d\d号/);
    expect(page.text()).toContain('交办承办单位');

    // Back on the list: the suggestion left 待审查 for 待交办, and the tabs say so.
    await list.lifecycle('onShow');
    const moved = { ...before, toReview: (before.toReview ?? 0) - 1, toAssign: (before.toAssign ?? 0) + 1 };
    await list.waitFor(() => list.text().includes(tabRow(moved)), 'the counts to follow the suggestion');
  });

  it('交办 to a 主办 and a 协办 unit, chosen by tapping', async () => {
    phoneOf(CITY_STAFF);
    const page = await openPage('staffSuggestion', { suggestionId: 'sg-demo-11' });
    await page.tap('交办承办单位');
    await page.tap('确认交办');
    expect(page.text()).toContain('请选择主办（牵头）单位');
    await page.tap('临江市交通运输局');
    await page.tap('江南区交通运输局');
    expect(page.text()).toContain('临江市交通运输局 主办');
    expect(page.text()).toContain('江南区交通运输局 协办');
    await page.type('.note-input', '请研究设立直销点的选址');
    await page.tap('确认交办');
    await page.waitFor(() => page.text().includes('办理中'), 'the assignment');
    expect(page.text()).toContain('临江市交通运输局（主办）');
    expect(page.text()).toContain('江南区交通运输局（协办）');
    expect(page.text()).toMatch(/前答复/);
  });

  it('延期: staff approve the lead unit’s request; 改派 what a unit sent back, flagged as bouncing', async () => {
    phoneOf(CITY_STAFF);
    const extension = await openPage('staffSuggestion', { suggestionId: 'sg-demo-07' });
    expect(extension.text()).toContain('申请延期1个月（待审批）');
    await extension.tap('同意延期');
    await extension.waitFor(() => extension.text().includes('申请延期1个月（已同意）'), 'the decision');

    const referred = await openPage('staffSuggestion', { suggestionId: 'sg-demo-05' });
    expect(referred.text()).toContain('多次退回（2次）');
    expect(referred.text()).toContain('退回理由：河道管理属水利部门');
    await referred.tap('重新交办（改派）');
    await referred.tap('青石镇人民政府');
    await referred.type('.note-input', '河道位于青石镇，请镇政府牵头整治');
    await referred.tap('确认改派');
    await referred.waitFor(() => referred.text().includes('青石镇人民政府（主办）'), 'the re-routing');
    expect(referred.text()).toContain('办理中');
  });

  it('someone not on a congress’s staff is told so, with the way to bind', async () => {
    phoneOf(BEISHAN_STAFF);
    const page = await openPage('staffSuggestions');
    expect(page.text()).toContain('这里由人大常委会工作人员使用');
  });
});

describe('units answer, wait, ask for time and send back', () => {
  it('an overdue suggestion is red on the unit’s list; answered A, it goes to the deputies', async () => {
    const wx = phoneOf(CITY_TRANSPORT_HANDLER);
    const list = await openPage('staffSuggestionsAssigned');
    expect(list.text()).toContain('关于增设湖滨路过街天桥的建议');
    const { counts } = await callAs(runtime.url, CITY_TRANSPORT_HANDLER, 'suggestion.listAssigned', { view: 'todo', pageSize: 1 });
    expect(counts?.todo).toBeGreaterThan(0);
    expect(list.text()).toContain(`待办 ${counts?.todo} 全部 ${counts?.all}`);
    expect(list.text()).toMatch(/答复已超期/);
    expect(list.countClass('suggestion-card__deadline--overdue')).toBeGreaterThan(0);
    await list.tap('关于增设湖滨路过街天桥的建议');
    const page = await openPage('staffSuggestion', await openedFrom(wx, list, 'the suggestion'));
    await page.tap('书面答复');
    await page.tap('B类（正在解决或列入计划解决）');
    await page.type('.text-input', '湖滨路过街天桥已完成设计，列入明年城建计划，建成前已增设信号灯。');
    await submitCorrecting(page, '提交答复', [{ says: '请写明解决计划和完成时限', type: { '.reason-input': '明年六月底前建成' } }]);
    await page.waitFor(() => page.text().includes('已答复待评价'), 'the answer');
    expect(page.text()).toContain('超过期限');
    expect(page.text()).toContain('计划和时限：明年六月底前建成');
  });

  it('the leading 会办 unit waits for the other unit’s views; another asks for a month more', async () => {
    phoneOf(CITY_HOUSING_HANDLER);
    const joint = await openPage('staffSuggestion', { suggestionId: 'sg-demo-08' });
    expect(joint.text()).toContain('本单位：主办');
    expect(joint.text()).toContain('还在等待：青石镇人民政府的意见，收到后才能答复');

    phoneOf(CITY_TRANSPORT_HANDLER);
    const extension = await openPage('staffSuggestion', { suggestionId: 'sg-demo-06' });
    await extension.tap('申请延期');
    await extension.tap('提交延期申请');
    expect(extension.text()).toContain('请选择延期几个月');
    // Two months were approved already: one more reaches the six months allowed.
    expect(extension.data.monthChoices).toEqual([1]);
    await extension.tap('1个月');
    await extension.type('.reason-input', '三家运营企业的停放区方案还需市政府审定。');
    await extension.tap('提交延期申请');
    await extension.waitFor(() => extension.text().includes('申请延期1个月（待审批）'), 'the request');
    expect(extension.text()).not.toContain('提交延期申请');
  });

  it('a unit assigned today sends it back with the reason', async () => {
    phoneOf(CITY_TRANSPORT_HANDLER);
    const page = await openPage('staffSuggestion', { suggestionId: 'sg-demo-11' });
    expect(page.text()).toMatch(/如不属本单位职责，请在\d+年\d+月\d+日当天结束前申请退回/);
    await page.tap('申请退回');
    await submitCorrecting(page, '确认退回', [{ says: '请写明退回理由（至少5个字）', type: { '.reason-input': '农产品直销点属商务部门职责' } }]);
    await page.waitFor(() => page.text().includes('承办单位退回，待重新交办'), 'the referral');
  });
});

describe('the lead deputy’s verdict', () => {
  it('不满意 needs what is wrong; sent, 重新办理 starts', async () => {
    phoneOf(ZHANG);
    const page = await openPage('deputySuggestion', { suggestionId: 'sg-demo-09' });
    expect(page.text()).toContain('A类（已解决或采纳）');
    expect(page.text()).toContain('选择“不满意”，承办单位将在一个月内重新办理。');
    await page.tap('提交评价');
    expect(page.text()).toContain('请先选择满意、基本满意或不满意');
    await page.tap('不满意');
    await submitCorrecting(page, '提交评价', [{ says: '请写明不满意的地方，承办单位将重新办理', type: { '.comment-input': '首期工程太短，请加快贯通' } }]);
    await page.waitFor(() => page.text().includes('重新办理中'), 'the verdict');
    expect(page.text()).toContain('不满意：首期工程太短，请加快贯通');
  });
});

describe('figures, drill-down, export and sessions', () => {
  it('shows the session’s figures, per unit and per delegation, and drills into the overdue', async () => {
    const wx = phoneOf(CITY_STAFF);
    const page = await openPage('staffSuggestionStats');
    for (const label of ['收到建议', '答复率', '按期答复率', 'A类占比', '代表满意率', '重新办理', '超期', '重点督办']) expect(page.text()).toContain(label);
    expect(page.text()).toContain('临江市住房和城乡建设局');
    expect(page.text()).toContain('江南区代表团');

    await page.tap('超期');
    const query = await openedFrom(wx, page, 'the drill-down');
    expect(query).toMatchObject({ figure: 'overdue', sessionId: 'ss-demo-city-6' });
    const drill = await openPage('staffSuggestionDrill', query);
    expect(drill.text()).toContain('超期');
    expect(drill.text()).toContain('关于增设湖滨路过街天桥的建议');

    await page.tap('导出Excel');
    await page.waitFor(() => page.data.exported !== null, 'the export');
    expect(page.text()).toMatch(/已生成：代表建议办理情况_临江市第十七届人民代表大会第六次会议\.xlsx 共 \d+ 件建议/);
  });

  it('sets up a session of the city congress', async () => {
    phoneOf(CITY_STAFF);
    const page = await openPage('staffSuggestionSessions');
    expect(page.text()).toContain('临江市第十七届人民代表大会第六次会议');
    await page.tap('设立会议');
    // Their own congress is offered first, and chosen.
    expect(page.text()).toMatch(/哪一级人大 临江市人大 江北区人大 江南区人大/);
    await submitCorrecting(page, '保存', [{ says: '请填写会议名称', type: { '.name-input': '临江市第十七届人民代表大会第七次会议' } }]);
    await page.waitFor(() => page.text().includes('会议已保存') || page.text().includes('第七次会议 临江市') || !!page.data.formError, 'the new session');
    expect(page.text()).toContain('临江市第十七届人民代表大会第七次会议 临江市');
  });
});

describe('退回 and 改派 of an opinion case', () => {
  let opinionId: string;

  beforeAll(async () => {
    ({ opinionId } = await callAs(runtime.url, 'case-page-resident', 'opinion.submit', {
      clientRequestId: 'case-page-resident-0001',
      target: { stationId: 'st-nanhu' },
      category: 'urbanConstruction',
      text: '湖滨社区东门的井盖松动，走过去一踩就响，担心有人摔倒，请尽快处理。',
    }));
    await callAs(runtime.url, JIANGNAN_STAFF, 'casework.accept', { opinionId });
    await callAs(runtime.url, JIANGNAN_STAFF, 'casework.assign', { opinionId, departmentIds: ['dept-jn-minzheng'], note: '请核实处理' });
  });

  it('the department sends it back within its window; staff re-route it', async () => {
    phoneOf(JN_CIVIL_HANDLER);
    const handler = await openPage('staffCase', { opinionId });
    expect(handler.text()).toMatch(/如不属本单位职责，请在\d+年\d+月\d+日当天结束前申请退回/);
    await handler.tap('申请退回');
    await handler.type('.note-input', '井盖属市政部门管理');
    await handler.tap('确认退回');
    await handler.waitFor(() => handler.text().includes('重新确定承办单位中'), 'the referral');

    phoneOf(JIANGNAN_STAFF);
    const staff = await openPage('staffCase', { opinionId });
    expect(staff.text()).toContain('已退回');
    expect(staff.text()).toContain('井盖属市政部门管理');
    await staff.tap('改派承办单位');
    await staff.tap('江南区住房和城乡建设局');
    await staff.type('.note-input', '请住建局核实并更换井盖');
    await staff.tap('确认改派');
    await staff.waitFor(() => staff.text().includes('办理中'), 'the re-routing');
    expect(staff.text()).toContain('改由：江南区住房和城乡建设局');
  });
});

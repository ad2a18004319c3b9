/** @jest-environment jsdom */
/**
 * 代表履职 as staff work it, on the real pages against the real local runtime: 履职待办 (confirm or not
 * the activities deputies added, approve leave, decide a contest of 漏 that the deputy then reads on
 * their record), one activity for a group of deputies, the area's 述职评议 periods, and a new points
 * rules version that leaves last year's score as it was. Deputies and residents are refused.
 */
import { addDays, shanghaiDate } from '../../../miniprogram/shared/domain/time';
import { pageClock, usePageRuntime } from '../support/local-runtime';
import { openPage, type PageDriver, type PageName } from '../support/page';
import { callAs, CITY_STAFF } from '../support/runtime-calls';
import { installDevice, photoBytes, type DeviceDouble } from '../support/wx-device';
import { installDialogs } from '../support/wx-dialogs';
import { installWx, localRuntimeFunctions, type WxDouble } from '../support/wx-double';
import { BEISHAN_STAFF, JIANGNAN_STAFF } from '../../support/people';
import { fillActivity } from '../support/forms';
import { openLiuStationReview } from '../support/duty-reviews';

const LIU = 'demo-deputy-liu';
const ZHOU = 'demo-deputy-zhou';

const runtime = usePageRuntime();

function phoneOf(openid: string): WxDouble {
  return phoneWithDevice(openid).wx;
}

function phoneWithDevice(openid: string): { wx: WxDouble; device: DeviceDouble } {
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url, openid) });
  const device = installDevice(wx, { runtimeUrl: runtime.url });
  installDialogs();
  return { wx, device };
}

/** 刘德明's own page, opened on his phone: where he finds what staff did. */
async function liuOpens(name: PageName): Promise<PageDriver> {
  phoneOf(LIU);
  return openPage(name);
}

const today = () => shanghaiDate(pageClock().now());
const thisYear = () => Number(today().slice(0, 4));

describe('履职待办', () => {
  it('area staff confirm one activity a deputy added and not another; the deputy sees 已确认 and 未确认', async () => {
    for (const [clientRequestId, place] of [
      ['page-staff-act-1', '湖滨社区菜市场'],
      ['page-staff-act-2', '湖滨小学门口'],
    ] as const) {
      await callAs(runtime.url, LIU, 'duty.addActivity', { clientRequestId, type: 'research', date: today(), place, note: '调研周边交通', photos: [] });
    }
    phoneOf(JIANGNAN_STAFF);
    const page = await openPage('staffDutyWork');
    expect(page.data.status).toBe('ready');
    expect(page.text()).toContain('待确认的履职活动');
    expect(page.text()).toContain(`刘德明 · ${today()} 调研 地点：湖滨社区菜市场`);
    expect(page.text()).toContain('地点：湖滨小学门口');
    await page.tap('确认');
    await page.waitFor(() => !page.text().includes('湖滨社区菜市场'), 'the confirmed activity to leave the list');
    await page.tap('不予确认');
    await page.waitFor(() => !page.text().includes('湖滨小学门口'), 'the refused activity to leave the list');

    const mine = await liuOpens('dutyActivity');
    expect(mine.text()).toContain('调研：湖滨社区菜市场 调研周边交通 已确认');
    expect(mine.text()).toContain('调研：湖滨小学门口 调研周边交通 未确认');
    // The first page test of the file compiles the staff subpackage's pages: slow on a shared machine.
  }, 120_000);

  it('a deputy adds an activity with a photo from the album; staff see the photo on the activity they confirm', async () => {
    const { device } = phoneWithDevice(LIU);
    const form = await openPage('dutyActivity');
    device.nextPhotos = [{ path: 'wxfile://tmp/visit.jpg', bytes: photoBytes('visit') }];
    await form.tap('添加照片');
    await form.waitFor(() => (form.data.photos as Array<{ status: string }>)[0]?.status === 'done', 'the photo to upload');
    expect(device.uploads[0]?.cloudPath).toMatch(/^duty-photos\/\d{8}\/[a-z0-9]+\.jpg$/);
    await fillActivity(form, { kind: '视察', place: '南湖片区排水改造工地', note: '视察雨季排水改造进度' });
    await form.tap('提交，等待确认');
    await form.waitFor(() => form.text().includes('南湖片区排水改造工地'), 'the new activity');
    expect(form.data.photos).toEqual([]);

    phoneOf(JIANGNAN_STAFF);
    const page = await openPage('staffDutyWork');
    expect(page.text()).toContain('视察 地点：南湖片区排水改造工地（南湖街道人大代表联络站） 视察雨季排水改造进度 照片1张');
    const [row] = (page.data.view as { activities: Array<{ photos: string[] }> }).activities;
    expect(row?.photos).toEqual([device.uploads[0]?.fileID]);
    await page.tap('确认');
    await page.waitFor(() => !page.text().includes('南湖片区排水改造工地'), 'the confirmed activity to leave the list');
  });

  it('staff approve the leave a deputy asked for; the deputy reads 已批准 on the record', async () => {
    phoneOf(CITY_STAFF);
    const page = await openPage('staffDutyWork');
    const leaves = (page.data.view as { leaves: Array<{ title: string }> }).leaves;
    const leave = leaves.find((row) => row.title.startsWith('周小燕'));
    expect(leave).toBeDefined();
    expect(page.text()).toContain('理由：参加市人大常委会组织的执法检查');
    const date = /(\d{4}-\d{2}-\d{2})/.exec(leave!.title)![1]!;
    expect(leaves[0]).toBe(leave);
    await page.tap('批准');
    await page.waitFor(() => !page.text().includes('参加市人大常委会组织的执法检查'), 'the approved leave to leave the list');

    phoneOf(ZHOU);
    const record = await openPage('dutyRecord');
    if (date.slice(0, 4) !== today().slice(0, 4)) {
      await record.tap('下一年');
      await record.waitFor(() => record.data.status === 'ready', 'next year');
    }
    expect(record.text()).toContain(`${date} 临江街道人大代表联络站接待日请假 — 已批准`);
  });

  it('staff uphold a contest of 漏 with the missing activity; the deputy reads the decision and the added entry', async () => {
    await callAs(runtime.url, CITY_STAFF, 'duty.saveSettings', {
      areaId: 'area-jiangnan',
      contestFrom: `${thisYear()}-01-01`,
      contestUntil: `${thisYear()}-12-31`,
      rankingShown: false,
    });
    await callAs(runtime.url, LIU, 'duty.contest', { year: thisYear(), kind: 'missing', reason: '参加区人大组织的集中视察未记录' });
    phoneOf(JIANGNAN_STAFF);
    const page = await openPage('staffDutyWork');
    expect(page.text()).toContain(`刘德明 · ${thisYear()}年档案 · 漏 认为漏记了一项活动 理由：参加区人大组织的集中视察未记录`);
    await page.tap('处理');
    await page.type('.decision-note', '经核实确有此项活动，予以补录');
    await page.tap('采纳');
    expect(page.text()).toContain('请选择补录活动的类型');
    await page.tap('视察');
    await page.type('.decision-place', '江南区污水处理厂');
    await page.tap('采纳');
    await page.waitFor(() => !page.text().includes('参加区人大组织的集中视察未记录'), 'the decided contest to leave the list');

    const record = await liuOpens('dutyRecord');
    expect(record.text()).toContain('漏 · 漏记的活动（参加区人大组织的集中视察未记录）— 已采纳：经核实确有此项活动，予以补录');
    expect(record.text()).toContain('视察：江南区污水处理厂');
  });

  it('a deputy and a resident are told the page is not theirs; staff of another station see nothing of this one', async () => {
    await callAs(runtime.url, LIU, 'duty.addActivity', {
      clientRequestId: 'page-staff-act-3',
      type: 'meeting',
      date: today(),
      place: '南湖街道会议室',
      note: '列席街道工作会',
      photos: [],
    });
    for (const openid of [LIU, 'page-duty-staff-resident']) {
      phoneOf(openid);
      const refused = await openPage('staffDutyWork');
      expect(refused.data.status).toBe('error');
      expect(refused.text()).toContain('没有权限');
    }
    phoneOf(BEISHAN_STAFF);
    const elsewhere = await openPage('staffDutyWork');
    expect(elsewhere.data.status).toBe('ready');
    expect(elsewhere.text()).not.toContain('南湖街道会议室');
    expect(elsewhere.text()).not.toContain('刘德明');
  });
});

describe('为代表添加活动', () => {
  it('staff pick two deputies, record one training for both, and each deputy finds it on their record at once', async () => {
    phoneOf(JIANGNAN_STAFF);
    const page = await openPage('staffDutyGroup');
    expect(page.data.status).toBe('ready');
    const deputies = (page.data.view as { deputies: Array<{ id: string; name: string }> }).deputies;
    const other = deputies.find((deputy) => deputy.name !== '刘德明')!;
    await page.tap('添加并计入档案');
    expect(page.text()).toContain('请至少选择一位代表');
    await page.tap('刘德明');
    await page.tap(other.name);
    expect(page.text()).toContain('参加的代表（已选2位）');
    await fillActivity(page, { kind: '培训', place: '江南区人大常委会会议室', note: '参加代表履职培训' });
    await page.tap('添加并计入档案');
    await page.waitFor(() => page.text().includes('已计入履职档案'), 'the group activity');
    expect(page.text()).toContain(`已为刘德明、${other.name}添加“培训：江南区人大常委会会议室”，已计入履职档案`);
    expect(page.text()).toContain('参加的代表（已选0位）');

    const record = await liuOpens('dutyRecord');
    expect(record.text()).toContain('培训：江南区人大常委会会议室');
    const theirs = await callAs(runtime.url, CITY_STAFF, 'duty.getRecord', { year: thisYear(), deputyId: other.id });
    expect(theirs.entries.some((entry) => entry.title === '培训：江南区人大常委会会议室')).toBe(true);
  });
});

describe('述职评议 of the area', () => {
  it("staff see the area's period with its phase and dates, and open a deputy's report from it", async () => {
    await openLiuStationReview(runtime.url, JIANGNAN_STAFF, today(), { clientRequestId: 'page-staff-review-01', title: '江南区代表向选民述职评议' });
    const wx = phoneOf(JIANGNAN_STAFF);
    const page = await openPage('staffDutyReviews');
    expect(page.data.status).toBe('ready');
    expect(page.text()).toContain(`江南区代表向选民述职评议 评议中 ${today()} 至 ${addDays(today(), 14)} 评议人：扫描联络站二维码的所有群众`);
    await page.tap('刘德明');
    expect(wx.navigations.at(-1)).toBe('/packages/duty/report/index?reviewId=rv-page-staff-review-01&deputyId=dp-005');

    phoneOf(BEISHAN_STAFF);
    const elsewhere = await openPage('staffDutyReviews');
    expect(elsewhere.text()).not.toContain('江南区代表向选民述职评议');
  });
});

describe('积分规则', () => {
  it("staff write 江北区's version from today: it shows line by line above the earlier ones, and 周小燕's last year stays as scored", async () => {
    const lastYear = thisYear() - 1;
    const before = await callAs(runtime.url, CITY_STAFF, 'duty.getRecord', { year: lastYear, deputyId: 'dp-008' });
    expect(before.entries.length).toBeGreaterThan(10);
    phoneOf(CITY_STAFF);
    const page = await openPage('staffDutyRules', { areaId: 'area-jiangbei' });
    expect(page.data.status).toBe('ready');
    expect(page.text()).toContain(`${lastYear}-01-01起施行`);
    await page.type('.cap-0', '十');
    await page.tap('保存新规则');
    expect(page.text()).toContain('进站接待：请填写0到100之间的整数分值');
    await page.type('.cap-0', '');
    await page.type('.points-0', '6');
    await page.tap('保存新规则');
    await page.waitFor(() => page.text().includes(`${today()}起施行`), 'the new version');
    expect(page.text()).toContain('进站接待：6分');
    expect(page.text()).toContain(`今天适用${today()}起施行的规则`);
    expect(page.text()).toContain(`${lastYear}-01-01起施行`);

    const after = await callAs(runtime.url, CITY_STAFF, 'duty.getRecord', { year: lastYear, deputyId: 'dp-008' });
    expect(after.score.total).toBe(before.score.total);
    expect(after.entries.map((entry) => entry.reason)).toEqual(before.entries.map((entry) => entry.reason));
  });

  it('station staff cannot edit an area’s rules', async () => {
    phoneOf(BEISHAN_STAFF);
    const page = await openPage('staffDutyRules');
    expect(page.data.status).toBe('error');
    expect(page.text()).toContain('没有权限');
  });
});

describe('为代表添加活动 on a station with many deputies', () => {
  it('staff see the first fifty deputies, tap 显示更多代表 for the rest, and keep those they chose', async () => {
    for (let i = 0; i < 50; i++) {
      await callAs(runtime.url, CITY_STAFF, 'admin.saveDeputy', {
        code: `BS${String(i).padStart(3, '0')}`,
        name: `北山代表${i}`,
        level: 'township',
        constituency: '北山镇选区',
        occupation: '教师',
        profile: '关注民生。',
        photoUrl: '',
        stationIds: ['st-beishan'],
        active: true,
      });
    }
    phoneOf(BEISHAN_STAFF);
    const page = await openPage('staffDutyGroup');
    const shown = () => (page.data.view as { deputies: Array<{ id: string; name: string }> }).deputies;
    expect(shown()).toHaveLength(50);
    expect(page.text()).toContain('显示更多代表');
    await page.tap(shown()[0]!.name);
    await page.tap('显示更多代表');
    await page.waitFor(() => shown().length > 50, 'the next page of deputies');
    expect(new Set(shown().map((deputy) => deputy.id)).size).toBe(shown().length);
    expect(shown().map((deputy) => deputy.name)).toEqual(expect.arrayContaining(['北山代表0', '北山代表49']));
    expect(page.text()).not.toContain('显示更多代表');
    expect(page.text()).toContain('参加的代表（已选1位）');
  });
});

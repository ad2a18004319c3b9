/** @jest-environment jsdom */
/**
 * Paging through 我的意见. Fixtures here, not the runtime: the runtime's rate limit (5 an hour)
 * rightly stops one resident from having the 11 opinions a second page needs. The list against
 * the real runtime is in browse.test.ts.
 */
import { myOpinionItem } from '../../../miniprogram/pages/my-opinions/model';
import { toMyOpinionView } from '../../../miniprogram/pages/opinion/model';
import type { MyOpinionDetail, MyOpinionSummary, Page } from '../../../miniprogram/shared/contract/opinion';
import { openPage } from '../support/page';
import { fixtureFunctions, installWx, networkDown, ok } from '../support/wx-double';

function summary(n: number): MyOpinionSummary {
  return {
    opinionId: `op-${n}`,
    trackingNo: `LJ01-261123-${String(n).padStart(3, '0')}`,
    category: 'transport',
    categoryLabel: '交通出行',
    excerpt: `第${n}条意见`,
    target: { kind: 'deputy', id: 'dp-001', name: '陈建华', stationName: '临江街道人大代表联络站' },
    status: 'received',
    statusLabel: '已提交',
    createdAt: '2026-11-23T02:00:00.000Z',
    lastEvent: { type: 'received', label: '意见已提交，等待代表查看', at: '2026-11-23T02:00:00.000Z' },
  };
}

const ALL = Array.from({ length: 13 }, (_, i) => summary(13 - i));

/** `failSecondPage`: the next page's call fails, and callApi's one retry of a read fails too. */
function pages(failSecondPage = false) {
  let failures = 0;
  return fixtureFunctions({
    'opinion.listMine': (payload: { cursor?: string; pageSize?: number }): ReturnType<typeof ok<Page<MyOpinionSummary>>> => {
      const cursor = Number(payload.cursor ?? 0);
      if (cursor > 0 && failSecondPage && failures < 2) {
        failures += 1;
        return networkDown();
      }
      const size = payload.pageSize ?? 10;
      const items = ALL.slice(cursor, cursor + size);
      return ok({ items, nextCursor: cursor + size < ALL.length ? String(cursor + size) : null });
    },
  });
}

describe('我的意见 paging', () => {
  it('shows ten, then the rest on 加载更多, then 没有更多了', async () => {
    installWx({ functions: pages() });
    const page = await openPage('myOpinions');
    expect((page.data.items as unknown[]).length).toBe(10);
    expect(page.text()).toContain('第13条意见');
    expect(page.text()).toContain('加载更多');

    await page.tap('加载更多');

    await page.waitFor(() => (page.data.items as unknown[]).length === 13, 'the second page');
    expect(page.text()).toMatch(/第1条意见 写给 陈建华 .* 没有更多了$/);
  });

  it('loads the next page when the resident scrolls to the bottom', async () => {
    installWx({ functions: pages() });
    const page = await openPage('myOpinions');

    await page.lifecycle('onReachBottom');

    await page.waitFor(() => (page.data.items as unknown[]).length === 13, 'the second page');
  });

  it('keeps the first page and offers 重试 when the next one fails', async () => {
    installWx({ functions: pages(true) });
    const page = await openPage('myOpinions');

    await page.tap('加载更多');
    await page.waitFor(() => page.data.moreError !== '', 'the failure');
    expect(page.text()).toContain('网络不太稳定，请检查网络后重试 重试');
    expect((page.data.items as unknown[]).length).toBe(10);

    await page.tap('重试');
    await page.waitFor(() => (page.data.items as unknown[]).length === 13, 'the second page');
  });
});

describe('content review, as the author sees it', () => {
  const held: MyOpinionSummary = {
    ...summary(1),
    contentReview: { state: 'held', label: '待审核', note: '内容正在审核，通过后代表即可看到' },
  };
  const rejected: MyOpinionSummary = {
    ...summary(2),
    contentReview: { state: 'rejected', label: '未通过审核', note: '内容未通过审核，不会转给代表办理；如有需要，请修改后重新提交' },
  };
  const detail: MyOpinionDetail = {
    opinionId: held.opinionId,
    trackingNo: held.trackingNo,
    category: held.category,
    categoryLabel: held.categoryLabel,
    text: '小区门口有人发传单，说加微信领红包，老人容易上当。',
    photos: [],
    target: held.target,
    status: 'received',
    statusLabel: '已提交',
    createdAt: held.createdAt,
    timeline: [held.lastEvent],
    canRate: false,
    contentReview: held.contentReview,
  };

  it('the model shows 待审核 / 未通过审核 in place of the case status, with the note', () => {
    expect(myOpinionItem(held)).toMatchObject({ statusLabel: '待审核', statusTheme: 'warning', reviewNote: '内容正在审核，通过后代表即可看到' });
    expect(myOpinionItem(rejected)).toMatchObject({ statusLabel: '未通过审核', statusTheme: 'danger' });
    expect(myOpinionItem(summary(3))).toMatchObject({ statusLabel: '已提交', statusTheme: 'default', reviewNote: '' });
    expect(toMyOpinionView(detail)).toMatchObject({ statusLabel: '待审核', reviewNote: '内容正在审核，通过后代表即可看到' });
  });

  it('我的意见 and the opinion page say so', async () => {
    installWx({
      functions: fixtureFunctions({
        'opinion.listMine': ok({ items: [held, rejected], nextCursor: null }),
        'opinion.getMine': ok(detail),
      }),
    });
    const list = await openPage('myOpinions');
    expect(list.text()).toContain('交通出行 待审核 第1条意见 内容正在审核，通过后代表即可看到 写给 陈建华');
    expect(list.text()).toContain('交通出行 未通过审核 第2条意见 内容未通过审核，不会转给代表办理');

    const page = await openPage('opinion', { opinionId: held.opinionId });
    expect(page.text()).toContain('交通出行 待审核 内容正在审核，通过后代表即可看到');
  });
});

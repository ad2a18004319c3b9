/** @jest-environment jsdom */
/**
 * 回访 as the resident answers it on the phone: the question in large text under what the opinion
 * was about, 已经解决 in one tap, 没有解决 with an optional note and 提交; answered once. The back
 * end's side (asked by the timer, refusals, statistics, reopening) is test/functions/casework-followup.test.ts.
 */
import type { MyOpinionDetail } from '../../../miniprogram/shared/contract/opinion';
import { openPage } from '../support/page';
import { fixtureFunctions, installWx, ok, refused } from '../support/wx-double';

const ASKED: MyOpinionDetail = {
  opinionId: 'op-1',
  trackingNo: 'NH01-261104-001',
  category: 'urbanConstruction',
  categoryLabel: '城乡建设',
  text: '小区门口的路灯坏了一个多月，晚上老人出门很不安全。',
  photos: [],
  target: { kind: 'deputy', id: 'dp-002', name: '林秀英', stationName: '南湖街道人大代表联络站' },
  status: 'closed',
  statusLabel: '已办结',
  createdAt: '2026-11-02T01:00:00.000Z',
  timeline: [
    { type: 'replied', label: '代表已回复', at: '2026-11-03T02:00:00.000Z', note: '已联系社区，本周修好路灯。' },
    { type: 'rated', label: '您已评价办理结果', at: '2026-11-04T12:15:00.000Z', note: '满意' },
    { type: 'followUpAsked', label: '回访：问题是否真正解决了，请您告诉我们', at: '2026-11-25T02:35:00.000Z' },
  ],
  canRate: false,
  rating: { value: 'satisfied', label: '满意', at: '2026-11-04T12:15:00.000Z' },
  followUp: { askedAt: '2026-11-25T02:35:00.000Z', canAnswer: true },
};

function answeredAs(value: 'solved' | 'unsolved', note?: string): MyOpinionDetail {
  const label = value === 'solved' ? '已经解决' : '没有解决';
  return { ...ASKED, followUp: { askedAt: ASKED.followUp!.askedAt, canAnswer: false, answer: { value, label, at: '2026-11-26T02:00:00.000Z', ...(note ? { note } : {}) } } };
}

describe('回访 page', () => {
  it('asks in large text; 已经解决 is one tap, and the page then shows the answer kept', async () => {
    const sent: unknown[] = [];
    installWx({
      functions: fixtureFunctions({
        'opinion.getMine': (_payload, call) => ok(call === 1 ? ASKED : answeredAs('solved')),
        'opinion.answerFollowUp': (payload) => {
          sent.push(payload);
          return ok({ opinionId: 'op-1', status: 'closed', statusLabel: '已办结', event: 'followedUp', answer: 'solved', reopenable: false });
        },
      }),
    });
    const page = await openPage('followUp', { opinionId: 'op-1' });
    expect(page.text()).toContain('小区门口的路灯坏了一个多月');
    expect(page.text()).toContain('您反映的问题，现在真正解决了吗？');
    expect(page.countClass('question')).toBe(1);
    await page.tap('已经解决');
    await page.waitFor(() => page.data.thanks !== '', 'the thanks');
    expect(sent).toEqual([{ opinionId: 'op-1', answer: 'solved' }]);
    await page.waitFor(() => page.text().includes('您的回答：已经解决'), 'the answer kept');
    expect(page.text()).not.toContain('您反映的问题，现在真正解决了吗？');
  });

  it('没有解决 opens an optional note, then 提交 sends it; staff may then reopen the case', async () => {
    const sent: unknown[] = [];
    installWx({
      functions: fixtureFunctions({
        'opinion.getMine': (_payload, call) => ok(call === 1 ? ASKED : answeredAs('unsolved', '过了一周又不亮了')),
        'opinion.answerFollowUp': (payload) => {
          sent.push(payload);
          return ok({ opinionId: 'op-1', status: 'closed', statusLabel: '已办结', event: 'followedUp', answer: 'unsolved', reopenable: true });
        },
      }),
    });
    const page = await openPage('followUp', { opinionId: 'op-1' });
    expect(page.text()).not.toContain('还有什么问题？');
    await page.tap('没有解决');
    await page.waitFor(() => page.text().includes('还有什么问题？（可以不写）'), 'the note');
    expect(sent).toEqual([]);
    await page.type('.follow-up-note', '过了一周又不亮了');
    await page.tap('提交');
    await page.waitFor(() => page.text().includes('您的回答：没有解决：过了一周又不亮了'), 'the answer kept');
    expect(sent).toEqual([{ opinionId: 'op-1', answer: 'unsolved', note: '过了一周又不亮了' }]);
    expect(page.text()).toContain('工作人员会重新交办');
  });

  it('answered already (another phone, a double tap): told so, and shown the answer kept', async () => {
    installWx({
      functions: fixtureFunctions({
        'opinion.getMine': (_payload, call) => ok(call === 1 ? ASKED : answeredAs('solved')),
        'opinion.answerFollowUp': refused('OPINION.FOLLOW_UP_ANSWERED'),
      }),
    });
    const page = await openPage('followUp', { opinionId: 'op-1' });
    await page.tap('已经解决');
    await page.waitFor(() => page.text().includes('您的回答：已经解决'), 'the answer kept');
    expect(page.text()).toContain('您已经回答过这次回访了');
  });

  it('opened before it was asked: says when it will be, with nothing to tap', async () => {
    installWx({ functions: fixtureFunctions({ 'opinion.getMine': ok({ ...ASKED, followUp: undefined }) }) });
    const page = await openPage('followUp', { opinionId: 'op-1' });
    expect(page.text()).toContain('办结一段时间后，我们会在这里问您问题是否真正解决。');
    expect(page.text()).not.toContain('已经解决');
  });
});

import { isOversizePayload, PAYLOAD_LIMITS } from '../../cloudfunctions/core/payloadSize';
import { useTestRuntime } from '../support/runtime';

const t = useTestRuntime();

const opinion = (text: string) => ({ clientRequestId: 'req-oversize-1', target: { stationId: 'st-nanhu' }, category: 'other', text });

describe('an oversize payload is refused before it is parsed', () => {
  test('a 10 MB text is answered COMMON.TOO_LARGE, not checked field by field, and nothing is stored', async () => {
    const answer = await t.raw('opinion', { action: 'opinion.submit', payload: opinion('x'.repeat(10 * 1024 * 1024)) }, { openid: 'resident-oversize' });
    expect(answer.body).toEqual({ ok: false, code: 'COMMON.TOO_LARGE', message: '提交的内容太长了，请精简后再试' });
    expect(answer.databaseRequests).toBe(0);
  });

  test('thousands of tiny values, or values nested deeper than any form, are refused the same way', async () => {
    const many = { ...opinion('小区路灯坏了很久了'), photos: Array.from({ length: PAYLOAD_LIMITS.values + 1 }, () => 0) };
    expect(await t.call('opinion.submit', many as never, { openid: 'resident-oversize' })).toMatchObject({ ok: false, code: 'COMMON.TOO_LARGE' });
    let deep: unknown = 'x';
    for (let i = 0; i < PAYLOAD_LIMITS.depth + 2; i += 1) deep = { deep };
    expect(await t.call('opinion.submit', { ...opinion('小区路灯坏了很久了'), deep } as never, { openid: 'resident-oversize' })).toMatchObject({
      ok: false,
      code: 'COMMON.TOO_LARGE',
    });
  });

  test('the longest legitimate payloads stay under the limits', () => {
    const suggestion = { title: '题'.repeat(50), cause: '因'.repeat(1000), content: '文'.repeat(3000), coSignerIds: Array.from({ length: 50 }, (_, i) => `dp-${i}`) };
    const record = { bookingId: 'bk-1', deputyIds: ['dp-1', 'dp-2'], items: Array.from({ length: 20 }, () => ({ text: '事'.repeat(500), toOpinion: true })) };
    expect(isOversizePayload(suggestion)).toBe(false);
    expect(isOversizePayload(record)).toBe(false);
    expect(isOversizePayload({ text: 'x'.repeat(PAYLOAD_LIMITS.characters + 1) })).toBe(true);
  });
});

import { ok, useTestRuntime } from '../support/runtime';

const t = useTestRuntime({ seed: false });

describe('account: a resident chooses large text', () => {
  test('a first-time resident gets large text by default', async () => {
    expect(ok(await t.call('account.getProfile', {}, { openid: 'resident-a' }))).toEqual({ roles: ['resident'], preferences: { fontScale: 'large' }, unread: 0 });
  });

  test('the profile and the 我的消息 badge come in one call of two database requests', async () => {
    const answer = await t.raw('account', { action: 'account.getProfile', payload: {} }, { openid: 'resident-a' });
    expect(answer.body).toMatchObject({ ok: true, data: { roles: ['resident'], unread: 0 } });
    expect(answer.databaseRequests).toBe(2);
  });

  test('the chosen size is kept for that resident only', async () => {
    expect(ok(await t.call('account.updatePreferences', { fontScale: 'extraLarge' }, { openid: 'resident-a' })).preferences.fontScale).toBe('extraLarge');
    expect(ok(await t.call('account.getProfile', {}, { openid: 'resident-a' })).preferences.fontScale).toBe('extraLarge');
    expect(ok(await t.call('account.getProfile', {}, { openid: 'resident-b' })).preferences.fontScale).toBe('large');
    expect(ok(await t.call('account.updatePreferences', { fontScale: 'standard' }, { openid: 'resident-a' })).preferences.fontScale).toBe('standard');
  });

  test('a call without WeChat identity is refused', async () => {
    expect(await t.call('account.getProfile', {})).toEqual({ ok: false, code: 'AUTH.REQUIRED', message: '请在微信中打开小程序后再试' });
  });

  test('an OPENID in the request body is ignored: identity comes only from the context', async () => {
    await t.call('account.updatePreferences', { fontScale: 'standard' }, { openid: 'resident-c' });
    const spoof = await t.raw('account', { action: 'account.getProfile', payload: {}, openid: 'resident-c', userInfo: { openId: 'resident-c' } });
    expect(spoof.body).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    const asOther = await t.raw('account', { action: 'account.getProfile', payload: {}, userInfo: { openId: 'resident-c' } }, { openid: 'resident-d' });
    expect(asOther.body).toMatchObject({ ok: true, data: { preferences: { fontScale: 'large' } } });
  });

  test('an unsupported size is refused with the field named', async () => {
    expect(await t.call('account.updatePreferences', { fontScale: 'huge' as never }, { openid: 'resident-a' })).toMatchObject({
      ok: false,
      code: 'COMMON.INVALID_INPUT',
      fields: { fontScale: '不在可选范围内' },
    });
  });
});

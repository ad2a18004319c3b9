import { COLLECTIONS } from '../../infra/database';
import { ok, useTestRuntime, FIRST_RATE_TURN, RATE_TURN } from '../support/runtime';
import { database } from './helpers/cloud';
import { CITY_STAFF } from '../support/people';

const t = useTestRuntime();

async function issue(deputyId: string, staff = CITY_STAFF): Promise<string> {
  return ok(await t.call('admin.issueBindingCode', { deputyId }, { openid: staff })).code;
}

describe('staff issue a one-time binding code; the deputy enters it and is a deputy', () => {
  test('the code is eight unambiguous characters valid for seven days', async () => {
    const answer = await t.raw('admin', { action: 'admin.issueBindingCode', payload: { deputyId: 'dp-005' } }, { openid: CITY_STAFF });
    const issued = ok(answer.body as never) as { code: string; deputyName: string; expiresAt: string };
    expect(issued.code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(issued.deputyName).toBe('刘德明');
    const days = (Date.parse(issued.expiresAt) - t.clock.now().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(answer.databaseRequests).toBe(4 + FIRST_RATE_TURN);
  });

  test('entering it (any case, with spaces) makes the account that deputy; the profile says so', async () => {
    const code = await issue('dp-006');
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const answer = await t.raw('account', { action: 'account.bindDeputy', payload: { code: typed } }, { openid: 'wx-zhao' });
    expect(answer.body).toEqual({ ok: true, data: { roles: ['resident', 'deputy'], preferences: { fontScale: 'large' }, deputy: { deputyId: 'dp-006', name: '赵红梅' } } });
    expect(answer.databaseRequests).toBe(5 + FIRST_RATE_TURN);
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-zhao' })).deputy).toEqual({ deputyId: 'dp-006', name: '赵红梅' });
    expect(ok(await t.call('opinion.inbox', { status: 'pending' }, { openid: 'wx-zhao' })).items).toEqual([]);
  });

  test('an existing resident keeps their preferences when bound', async () => {
    ok(await t.call('account.updatePreferences', { fontScale: 'extraLarge' }, { openid: 'wx-zheng' }));
    const profile = ok(await t.call('account.bindDeputy', { code: await issue('dp-010') }, { openid: 'wx-zheng' }));
    expect(profile).toMatchObject({ roles: ['resident', 'deputy'], preferences: { fontScale: 'extraLarge' }, deputy: { name: '郑春兰' } });
  });

  test('the demo code binds 陈建华', async () => {
    expect(ok(await t.call('account.bindDeputy', { code: 'DEPUTY26' }, { openid: 'wx-demo-chen' })).deputy).toEqual({ deputyId: 'dp-001', name: '陈建华' });
  });
});

describe('a code works once', () => {
  test('a reused code is refused for anyone else; the one who used it may retry', async () => {
    const code = await issue('dp-007');
    ok(await t.call('account.bindDeputy', { code }, { openid: 'wx-sun' }));
    expect(await t.call('account.bindDeputy', { code }, { openid: 'wx-impostor' })).toEqual({
      ok: false,
      code: 'BINDING.USED',
      message: '该绑定码已被使用，请联系人大工作人员重新获取',
    });
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-impostor' })).roles).toEqual(['resident']);
    expect(ok(await t.call('account.bindDeputy', { code }, { openid: 'wx-sun' })).deputy?.deputyId).toBe('dp-007');
  });

  test('two accounts racing with one code: exactly one becomes the deputy', async () => {
    const code = await issue('dp-011');
    const answers = await Promise.all(['wx-race-1', 'wx-race-2', 'wx-race-3'].map((openid) => t.call('account.bindDeputy', { code }, { openid })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.code === 'BINDING.USED')).toBe(true);
  });

  test('the same account sending its code several times at once binds once and every answer is its profile', async () => {
    const code = await issue('dp-012');
    const answers = await Promise.all([1, 2, 3, 4].map(() => t.call('account.bindDeputy', { code }, { openid: 'wx-double-tap' })));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ ok: true, data: { roles: ['resident', 'deputy'], deputy: { deputyId: 'dp-012' } } });
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-double-tap' })).deputy?.deputyId).toBe('dp-012');
    expect(await t.call('account.bindDeputy', { code }, { openid: 'wx-not-double-tap' })).toMatchObject({ code: 'BINDING.USED' });
  });

  test('a code used long ago does not bind its account again once staff unbound it', async () => {
    const code = await issue('dp-013');
    ok(await t.call('account.bindDeputy', { code }, { openid: 'wx-long-ago' }));
    await database(t)
      .collection(COLLECTIONS.bindingCodes)
      .doc(code)
      .update({ usedAt: new Date(t.clock.now().getTime() - 3_600_000) });
    ok(await t.call('admin.unbindDeputy', { deputyId: 'dp-013' }, { openid: CITY_STAFF }));
    expect(await t.call('account.bindDeputy', { code }, { openid: 'wx-long-ago' })).toMatchObject({ code: 'BINDING.USED' });
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-long-ago' })).deputy).toBeUndefined();
  });

  test('an expired code is refused', async () => {
    const now = t.clock.now().getTime();
    await database(t)
      .collection(COLLECTIONS.bindingCodes)
      .add({
        _id: 'EXPRD234',
        code: 'EXPRD234',
        deputyId: 'dp-012',
        issuedBy: CITY_STAFF,
        createdAt: new Date(now - 8 * 86_400_000),
        expiresAt: new Date(now - 86_400_000),
        usedAt: null,
        usedBy: null,
        revokedAt: null,
      });
    expect(await t.call('account.bindDeputy', { code: 'exprd234' }, { openid: 'wx-he' })).toEqual({
      ok: false,
      code: 'BINDING.EXPIRED',
      message: '绑定码已过期，请联系人大工作人员重新获取',
    });
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-he' })).roles).toEqual(['resident']);
  });

  test('an unknown code, and one not even shaped like a code', async () => {
    expect(await t.call('account.bindDeputy', { code: 'ABCDEFGH' }, { openid: 'wx-guess' })).toEqual({
      ok: false,
      code: 'BINDING.INVALID',
      message: '绑定码不正确，请核对后重新输入',
    });
    expect(await t.call('account.bindDeputy', { code: 'ABC0' }, { openid: 'wx-guess' })).toMatchObject({
      code: 'COMMON.INVALID_INPUT',
      fields: { code: '绑定码是8位字母和数字，请核对后重新输入' },
    });
  });

  test('a revoked code is refused; issuing a new code revokes the one before', async () => {
    const first = await issue('dp-013');
    const second = await issue('dp-013');
    expect(await t.call('account.bindDeputy', { code: first }, { openid: 'wx-ma' })).toEqual({
      ok: false,
      code: 'BINDING.REVOKED',
      message: '绑定码已作废，请联系人大工作人员重新获取',
    });
    const revoked = ok(await t.call('admin.revokeBindingCode', { code: second.toLowerCase() }, { openid: CITY_STAFF }));
    expect(revoked).toEqual({ code: second, deputyId: 'dp-013', revokedAt: expect.any(String) });
    expect(ok(await t.call('admin.revokeBindingCode', { code: second }, { openid: CITY_STAFF }))).toEqual(revoked);
    expect(await t.call('account.bindDeputy', { code: second }, { openid: 'wx-ma' })).toMatchObject({ code: 'BINDING.REVOKED' });
    const used = await issue('dp-013');
    ok(await t.call('account.bindDeputy', { code: used }, { openid: 'wx-ma' }));
    expect(await t.call('admin.revokeBindingCode', { code: used }, { openid: CITY_STAFF })).toMatchObject({ code: 'BINDING.USED' });
  });

  test('an account bound to one deputy cannot take another’s code', async () => {
    ok(await t.call('account.bindDeputy', { code: await issue('dp-008') }, { openid: 'wx-zhou' }));
    expect(await t.call('account.bindDeputy', { code: await issue('dp-009') }, { openid: 'wx-zhou' })).toEqual({
      ok: false,
      code: 'BINDING.ALREADY_BOUND',
      message: '您的微信已绑定其他代表身份，如需更换请联系人大工作人员解除绑定',
    });
  });
});

describe('a deputy has one WeChat account; staff can unbind it', () => {
  test('binding a new phone takes the role from the old one', async () => {
    ok(await t.call('account.bindDeputy', { code: await issue('dp-004') }, { openid: 'wx-zhang-old' }));
    ok(await t.call('account.bindDeputy', { code: await issue('dp-004') }, { openid: 'wx-zhang-new' }));
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-zhang-old' }))).toEqual({ roles: ['resident'], preferences: { fontScale: 'large' }, unread: 0 });
    expect(await t.call('opinion.inbox', { status: 'pending' }, { openid: 'wx-zhang-old' })).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(ok(await t.call('opinion.inbox', { status: 'pending' }, { openid: 'wx-zhang-new' })).items.length).toBeGreaterThan(0);
  });

  test('unbinding leaves a resident who can no longer open the inbox, and can be bound again', async () => {
    ok(await t.call('account.bindDeputy', { code: await issue('dp-002') }, { openid: 'wx-lin' }));
    const answer = await t.raw('admin', { action: 'admin.unbindDeputy', payload: { deputyId: 'dp-002' } }, { openid: CITY_STAFF });
    expect(answer.body).toEqual({ ok: true, data: { deputyId: 'dp-002', unboundAccounts: 1 } });
    expect(answer.databaseRequests).toBe(3 + RATE_TURN);
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-lin' })).roles).toEqual(['resident']);
    expect(await t.call('opinion.inbox', { status: 'pending' }, { openid: 'wx-lin' })).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    ok(await t.call('account.bindDeputy', { code: await issue('dp-002') }, { openid: 'wx-lin' }));
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-lin' })).deputy).toEqual({ deputyId: 'dp-002', name: '林秀英' });
  });

  test('a renamed deputy’s account shows the new name', async () => {
    ok(await t.call('account.bindDeputy', { code: await issue('dp-014') }, { openid: 'wx-xu' }));
    const { deputy } = ok(await t.call('directory.getDeputy', { deputyId: 'dp-014' }));
    const { _id, ...fields } = deputy;
    ok(await t.call('admin.saveDeputy', { deputyId: _id, ...fields, name: '许晓冬' }, { openid: CITY_STAFF }));
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-xu' })).deputy).toEqual({ deputyId: 'dp-014', name: '许晓冬' });
  });
});

describe('binding codes are staff business, within their scope', () => {
  test('a resident or a deputy cannot issue, revoke or unbind', async () => {
    for (const openid of ['demo-resident-001', 'wx-zhao']) {
      expect(await t.call('admin.issueBindingCode', { deputyId: 'dp-001' }, { openid })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' });
      expect(await t.call('admin.revokeBindingCode', { code: 'DEPUTY26' }, { openid })).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      expect(await t.call('admin.unbindDeputy', { deputyId: 'dp-006' }, { openid })).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    }
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-zhao' })).deputy?.deputyId).toBe('dp-006');
  });

  test('江南 staff cannot bind or unbind a 江北 deputy; 北山 station staff only their station’s', async () => {
    const outside = { ok: false, code: 'ADMIN.OUT_OF_SCOPE', message: '不在您负责的范围内，请联系上级人大工作人员办理' };
    expect(await t.call('admin.issueBindingCode', { deputyId: 'dp-007' }, { openid: 'demo-staff-jiangnan' })).toEqual(outside);
    expect(await t.call('admin.unbindDeputy', { deputyId: 'dp-007' }, { openid: 'demo-staff-jiangnan' })).toEqual(outside);
    expect(ok(await t.call('admin.issueBindingCode', { deputyId: 'dp-006' }, { openid: 'demo-staff-jiangnan' })).deputyName).toBe('赵红梅');
    expect(ok(await t.call('admin.issueBindingCode', { deputyId: 'dp-003' }, { openid: 'demo-staff-beishan' })).deputyName).toBe('王志强');
    expect(await t.call('admin.issueBindingCode', { deputyId: 'dp-001' }, { openid: 'demo-staff-beishan' })).toEqual(outside);
    expect(await t.call('admin.issueBindingCode', { deputyId: 'dp-999' }, { openid: CITY_STAFF })).toMatchObject({ code: 'COMMON.NOT_FOUND' });
  });
});

import { COLLECTIONS } from '../../infra/database';
import { ok, useTestRuntime, FIRST_RATE_TURN, RATE_TURN, refusedWith } from '../support/runtime';
import { database, opinionFor } from './helpers/cloud';
import { BEISHAN_STAFF, CITY_STAFF, JIANGNAN_STAFF } from '../support/people';

/**
 * Staff accounts by role and area, bound to WeChat with one-time codes an administrator issues
 * (like deputies' binding codes), and the departments (承办单位) of each area.
 */
const OUT_OF_SCOPE = { ok: false, code: 'ADMIN.OUT_OF_SCOPE', message: '不在您负责的范围内，请联系上级人大工作人员办理' };
const FORBIDDEN = { ok: false, code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' };

const t = useTestRuntime();

describe('staff codes', () => {
  test('an administrator issues a handler code; the person binds it and works for that department only', async () => {
    const answer = await t.raw('admin', { action: 'admin.issueStaffCode', payload: { role: 'handler', departmentId: 'dept-jn-jiaotong', name: '钱科长' } }, { openid: CITY_STAFF });
    expect(answer.databaseRequests).toBe(4 + FIRST_RATE_TURN);
    const issued = ok(answer.body as never) as { code: string; expiresAt: string };
    expect(issued).toEqual({
      code: expect.stringMatching(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/),
      role: 'handler',
      roleLabel: '承办单位经办人',
      placeName: '江南区交通运输局',
      name: '钱科长',
      expiresAt: expect.any(String),
    });
    expect(Date.parse(issued.expiresAt) - t.clock.now().getTime()).toBeGreaterThan(6.9 * 86_400_000);

    const bind = await t.raw(
      'account',
      { action: 'account.bindStaff', payload: { code: `${issued.code.slice(0, 4).toLowerCase()}-${issued.code.slice(4)}` } },
      { openid: 'wx-qian' },
    );
    expect(bind.databaseRequests).toBe(4 + FIRST_RATE_TURN);
    expect(ok(bind.body as never)).toEqual({
      roles: ['resident', 'staff'],
      preferences: { fontScale: 'large' },
      staff: { role: 'handler', areaId: 'area-jiangnan', departmentId: 'dept-jn-jiaotong', departmentName: '江南区交通运输局' },
    });
    expect(ok(await t.call('casework.listAssigned', { view: 'todo' }, { openid: 'wx-qian' })).items).toEqual([]);
  });

  test('a handler is not congress staff: station, deputy, booking and case-handling actions are refused', async () => {
    const { code: handlerCode } = ok(await t.call('admin.issueStaffCode', { role: 'handler', departmentId: 'dept-jn-minzheng', name: '孙科员' }, { openid: CITY_STAFF }));
    ok(await t.call('account.bindStaff', { code: handlerCode }, { openid: 'wx-sun' }));
    expect(await t.call('admin.issueBindingCode', { deputyId: 'dp-005' }, { openid: 'wx-sun' })).toEqual(FORBIDDEN);
    expect(await t.call('admin.listDepartments', {}, { openid: 'wx-sun' })).toEqual(FORBIDDEN);
    expect(await t.call('booking.getRule', { stationId: 'st-nanhu' }, { openid: 'wx-sun' })).toEqual(FORBIDDEN);
    expect(await t.call('casework.list', { view: 'all' }, { openid: 'wx-sun' })).toEqual(FORBIDDEN);
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: 'staff-test-resident' }));
    expect(await t.call('casework.accept', { opinionId }, { openid: 'wx-sun' })).toEqual(FORBIDDEN);
  });

  test('a code works once; the account that used it may send it again; expired and unknown codes are refused', async () => {
    const { code: stationCode } = ok(await t.call('admin.issueStaffCode', { role: 'station', stationId: 'st-qingshi', name: '吴站长' }, { openid: CITY_STAFF }));
    const profile = ok(await t.call('account.bindStaff', { code: stationCode }, { openid: 'wx-wu' }));
    expect(profile.staff).toEqual({ role: 'station', areaId: 'area-qingshi', stationId: 'st-qingshi' });
    expect(ok(await t.call('account.bindStaff', { code: stationCode }, { openid: 'wx-wu' }))).toEqual(profile);
    expect(await t.call('account.bindStaff', { code: stationCode }, { openid: 'wx-someone-else' })).toEqual(refusedWith('BINDING.USED'));

    const { code: late } = ok(await t.call('admin.issueStaffCode', { role: 'area', areaId: 'area-nanhu', name: '郑主任' }, { openid: CITY_STAFF }));
    await database(t)
      .collection(COLLECTIONS.staffCodes)
      .doc(late)
      .update({ expiresAt: new Date(t.clock.now().getTime() - 1000) });
    expect(await t.call('account.bindStaff', { code: late }, { openid: 'wx-zheng' })).toEqual(refusedWith('BINDING.EXPIRED'));
    expect(await t.call('account.bindStaff', { code: 'ABCDEFGH' }, { openid: 'wx-zheng' })).toEqual(refusedWith('BINDING.INVALID'));
    expect(await t.call('account.bindStaff', { code: 'abc' }, { openid: 'wx-zheng' })).toMatchObject({ code: 'COMMON.INVALID_INPUT' });
  });

  test('issuing again for the same person and place revokes their earlier unused code; other people’s codes stay live', async () => {
    const issue = (name: string, stationId = 'st-beishan') => t.call('admin.issueStaffCode', { role: 'station', stationId, name }, { openid: CITY_STAFF });
    const { code: first } = ok(await issue('褚站员'));
    const { code: colleague } = ok(await issue('卫站员'));
    const { code: elsewhere } = ok(await issue('褚站员', 'st-qingshi'));
    const { code: second } = ok(await issue('褚站员'));
    expect(second).not.toBe(first);
    expect(await t.call('account.bindStaff', { code: first }, { openid: 'wx-chu' })).toEqual(refusedWith('BINDING.REVOKED'));
    expect(ok(await t.call('account.bindStaff', { code: second }, { openid: 'wx-chu' })).staff).toMatchObject({ stationId: 'st-beishan' });
    // A used code is not revoked by a later issue: issuing again leaves the bound account alone.
    ok(await issue('褚站员'));
    expect((await database(t).collection(COLLECTIONS.staffCodes).where({ _id: second }).get()).data[0]).toMatchObject({ usedBy: 'wx-chu', revokedAt: null });
    expect(ok(await t.call('account.bindStaff', { code: colleague }, { openid: 'wx-wei' })).staff).toMatchObject({ stationId: 'st-beishan' });
    expect(ok(await t.call('account.bindStaff', { code: elsewhere }, { openid: 'wx-chu-2' })).staff).toMatchObject({ stationId: 'st-qingshi' });
  });

  test('the same account sending its code several times at once binds once and every answer is its profile', async () => {
    const { code: staffCode } = ok(await t.call('admin.issueStaffCode', { role: 'area', areaId: 'area-nanhu', name: '蒋主任' }, { openid: CITY_STAFF }));
    const answers = await Promise.all([1, 2, 3, 4].map(() => t.call('account.bindStaff', { code: staffCode }, { openid: 'wx-jiang' })));
    for (const answer of answers)
      expect(answer).toEqual({ ok: true, data: { roles: ['resident', 'staff'], preferences: { fontScale: 'large' }, staff: { role: 'area', areaId: 'area-nanhu' } } });
    expect(ok(await t.call('account.getProfile', {}, { openid: 'wx-jiang' })).staff).toEqual({ role: 'area', areaId: 'area-nanhu' });
    expect(await t.call('account.bindStaff', { code: staffCode }, { openid: 'wx-not-jiang' })).toEqual(refusedWith('BINDING.USED'));
  });

  test('staff codes and deputy codes do not open each other', async () => {
    const { code: staffCode } = ok(await t.call('admin.issueStaffCode', { role: 'station', stationId: 'st-nanhu', name: '冯站长' }, { openid: CITY_STAFF }));
    expect(await t.call('account.bindDeputy', { code: staffCode }, { openid: 'wx-feng' })).toEqual(refusedWith('BINDING.INVALID'));
    const { code: deputyCode } = ok(await t.call('admin.issueBindingCode', { deputyId: 'dp-009' }, { openid: CITY_STAFF }));
    expect(await t.call('account.bindStaff', { code: deputyCode }, { openid: 'wx-feng' })).toEqual(refusedWith('BINDING.INVALID'));
  });

  test('only administrators issue codes, only within their area, and only for active places', async () => {
    expect(await t.call('admin.issueStaffCode', { role: 'station', stationId: 'st-nanhu', name: '某人' }, { openid: JIANGNAN_STAFF })).toEqual(FORBIDDEN);
    expect(await t.call('admin.issueStaffCode', { role: 'station', stationId: 'st-nanhu', name: '某人' }, { openid: 'demo-resident-001' })).toEqual(FORBIDDEN);
    expect(await t.call('admin.issueStaffCode', { role: 'handler', departmentId: 'dept-jn-shizheng', name: '某人' }, { openid: CITY_STAFF })).toEqual(
      refusedWith('STAFF.CODE_TARGET_UNAVAILABLE'),
    );
    expect(await t.call('admin.issueStaffCode', { role: 'station', stationId: 'st-nowhere', name: '某人' }, { openid: CITY_STAFF })).toEqual(
      refusedWith('STAFF.CODE_TARGET_UNAVAILABLE'),
    );

    // The city makes a 江南区 administrator, who can then act only inside 江南区.
    const { code: adminCode } = ok(await t.call('admin.issueStaffCode', { role: 'admin', areaId: 'area-jiangnan', name: '江南区管理员' }, { openid: CITY_STAFF }));
    ok(await t.call('account.bindStaff', { code: adminCode }, { openid: 'wx-jn-admin' }));
    expect(ok(await t.call('admin.issueStaffCode', { role: 'handler', departmentId: 'dept-jn-zhujian', name: '新经办人' }, { openid: 'wx-jn-admin' }))).toMatchObject({
      placeName: '江南区住房和城乡建设局',
    });
    expect(await t.call('admin.issueStaffCode', { role: 'handler', departmentId: 'dept-jb-zhujian', name: '某人' }, { openid: 'wx-jn-admin' })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.issueStaffCode', { role: 'area', areaId: 'area-jiangbei', name: '某人' }, { openid: 'wx-jn-admin' })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.issueStaffCode', { role: 'admin', areaId: 'area-linjiang', name: '某人' }, { openid: 'wx-jn-admin' })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.issueStaffCode', { role: 'station', stationId: 'st-beishan', name: '某人' }, { openid: 'wx-jn-admin' })).toEqual(OUT_OF_SCOPE);
  });
});

describe('the staff list', () => {
  test('administrators list the staff of their area and remove one; the account stays a resident', async () => {
    const { code: areaCode } = ok(await t.call('admin.issueStaffCode', { role: 'area', areaId: 'area-qingshi', name: '褚干事' }, { openid: CITY_STAFF }));
    ok(await t.call('account.bindStaff', { code: areaCode }, { openid: 'wx-chu' }));
    const answer = await t.raw('admin', { action: 'admin.listStaff', payload: { areaId: 'area-jiangnan' } }, { openid: CITY_STAFF });
    expect(answer.databaseRequests).toBe(3);
    const { staff } = ok(answer.body as never) as { staff: Array<{ accountId: string; role: string; name: string; departmentName?: string }> };
    expect(staff.find((s) => s.accountId === 'wx-chu')).toMatchObject({ role: 'area', roleLabel: '人大工作人员', name: '褚干事', areaId: 'area-qingshi' });
    expect(staff.find((s) => s.accountId === 'demo-handler-jn-zhujian')).toMatchObject({ role: 'handler', departmentName: '江南区住房和城乡建设局', name: '王科员' });
    expect(staff.map((s) => s.accountId)).toContain(JIANGNAN_STAFF);
    expect(staff.map((s) => s.accountId)).not.toContain(BEISHAN_STAFF);
    expect(staff.map((s) => s.accountId)).not.toContain('demo-handler-jb-zhujian');

    expect(ok(await t.call('admin.removeStaff', { accountId: 'wx-chu' }, { openid: CITY_STAFF }))).toEqual({ accountId: 'wx-chu', removed: true });
    expect(ok(await t.call('admin.removeStaff', { accountId: 'wx-chu' }, { openid: CITY_STAFF }))).toEqual({ accountId: 'wx-chu', removed: false });
    const profile = ok(await t.call('account.getProfile', {}, { openid: 'wx-chu' }));
    expect(profile.roles).toEqual(['resident']);
    expect(profile.staff).toBeUndefined();
    expect(await t.call('casework.list', { view: 'all' }, { openid: 'wx-chu' })).toEqual(FORBIDDEN);
  });

  test('only administrators, and only within their area', async () => {
    expect(await t.call('admin.listStaff', {}, { openid: JIANGNAN_STAFF })).toEqual(FORBIDDEN);
    expect(await t.call('admin.removeStaff', { accountId: BEISHAN_STAFF }, { openid: JIANGNAN_STAFF })).toEqual(FORBIDDEN);
    const { code: adminCode } = ok(await t.call('admin.issueStaffCode', { role: 'admin', areaId: 'area-jiangbei', name: '江北区管理员' }, { openid: CITY_STAFF }));
    ok(await t.call('account.bindStaff', { code: adminCode }, { openid: 'wx-jb-admin' }));
    expect(await t.call('admin.listStaff', { areaId: 'area-jiangnan' }, { openid: 'wx-jb-admin' })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.removeStaff', { accountId: JIANGNAN_STAFF }, { openid: 'wx-jb-admin' })).toEqual(OUT_OF_SCOPE);
  });
});

describe('departments', () => {
  test('area staff add a department to an area they cover; it can then be assigned cases there', async () => {
    const answer = await t.raw(
      'admin',
      { action: 'admin.saveDepartment', payload: { name: '湖滨社区居委会', areaId: 'area-hubin', active: true, clientRequestId: 'dept-form-hubin' } },
      { openid: JIANGNAN_STAFF },
    );
    expect(answer.databaseRequests).toBe(3 + RATE_TURN);
    const { department } = ok(answer.body as never) as { department: { _id: string } };
    expect(department).toEqual({ _id: expect.any(String), name: '湖滨社区居委会', areaId: 'area-hubin', active: true });
    const { departments } = ok(await t.call('admin.listDepartments', { areaId: 'area-nanhu' }, { openid: JIANGNAN_STAFF }));
    expect(departments.map((d) => d.name)).toEqual(['湖滨社区居委会']);

    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: 'dept-resident' }));
    ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
    ok(await t.call('casework.assign', { opinionId, departmentIds: [department._id], note: '请居委会协调' }, { openid: JIANGNAN_STAFF }));
  });

  test('outside their area, station staff, unknown areas and unknown departments are refused', async () => {
    const form = { clientRequestId: 'dept-form-refused' };
    expect(await t.call('admin.saveDepartment', { name: '北山镇村建办', areaId: 'area-beishan', active: true, ...form }, { openid: JIANGNAN_STAFF })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.saveDepartment', { name: '北山镇村建办', areaId: 'area-beishan', active: true, ...form }, { openid: BEISHAN_STAFF })).toEqual(OUT_OF_SCOPE);
    expect(await t.call('admin.saveDepartment', { name: '某单位', areaId: 'area-nowhere', active: true, ...form }, { openid: CITY_STAFF })).toEqual(
      refusedWith('ADMIN.AREA_NOT_FOUND'),
    );
    // Creating needs a client request id (one per form).
    expect(await t.call('admin.saveDepartment', { name: '某单位', areaId: 'area-jiangnan', active: true }, { openid: CITY_STAFF })).toMatchObject({ code: 'COMMON.INVALID_INPUT' });
    expect(await t.call('admin.saveDepartment', { departmentId: 'dept-nowhere', name: '某单位', areaId: 'area-jiangnan', active: true }, { openid: CITY_STAFF })).toEqual({
      ok: false,
      code: 'DEPARTMENT.NOT_FOUND',
      message: '没有找到这个承办单位，请返回列表刷新后再试',
    });
    expect(await t.call('admin.saveDepartment', { departmentId: 'dept-jb-zhujian', name: '改名', areaId: 'area-jiangnan', active: true }, { openid: JIANGNAN_STAFF })).toEqual(
      OUT_OF_SCOPE,
    );
    expect(await t.call('admin.listDepartments', { areaId: 'area-jiangbei' }, { openid: JIANGNAN_STAFF })).toEqual(OUT_OF_SCOPE);
  });

  test('a retried create (same client request id) answers the first department and stores one; another form makes another', async () => {
    const payload = { name: '江南区水务局', areaId: 'area-jiangnan', active: true, clientRequestId: 'dept-form-water-1' };
    const first = ok(await t.call('admin.saveDepartment', payload, { openid: JIANGNAN_STAFF }));
    const retry = await t.raw('admin', { action: 'admin.saveDepartment', payload }, { openid: JIANGNAN_STAFF });
    expect(retry.body).toEqual({ ok: true, data: first });
    expect(retry.databaseRequests).toBe(4 + RATE_TURN);
    const racing = await Promise.all(
      [1, 2, 3].map(() => t.call('admin.saveDepartment', { ...payload, clientRequestId: 'dept-form-water-2', name: '江南区水利局' }, { openid: JIANGNAN_STAFF })),
    );
    expect(new Set(racing.map((a) => ok(a).department._id)).size).toBe(1);
    expect(ok(racing[0]!).department._id).not.toBe(first.department._id);
    // The same request id from another caller is another request.
    const other = ok(await t.call('admin.saveDepartment', payload, { openid: CITY_STAFF }));
    expect(other.department._id).not.toBe(first.department._id);
    const departments = database(t).collection(COLLECTIONS.departments);
    expect((await departments.where({ name: '江南区水务局' }).count()).total).toBe(2);
    expect((await departments.where({ name: '江南区水利局' }).count()).total).toBe(1);
  });

  test('the directory of an area’s subtree: active ones, or all when asked', async () => {
    const { departments } = ok(await t.call('admin.listDepartments', {}, { openid: JIANGNAN_STAFF }));
    const names = departments.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['江南区住房和城乡建设局', '江南区民政局', '青石镇人民政府']));
    expect(names).not.toContain('江南区市政管理处（已撤并）');
    expect(names).not.toContain('临江市住房和城乡建设局');
    const all = ok(await t.call('admin.listDepartments', { includeInactive: true }, { openid: JIANGNAN_STAFF }));
    expect(all.departments.find((d) => d._id === 'dept-jn-shizheng')).toMatchObject({ active: false });
  });

  test('renaming a department reaches its handlers; retiring it stops new assignments', async () => {
    ok(
      await t.call(
        'admin.saveDepartment',
        { departmentId: 'dept-jn-minzheng', name: '江南区民政局（养老服务科）', areaId: 'area-jiangnan', active: true },
        { openid: JIANGNAN_STAFF },
      ),
    );
    expect(ok(await t.call('account.getProfile', {}, { openid: 'demo-handler-jn-minzheng' })).staff).toMatchObject({ departmentName: '江南区民政局（养老服务科）' });

    ok(await t.call('admin.saveDepartment', { departmentId: 'dept-jn-jiaotong', name: '江南区交通运输局', areaId: 'area-jiangnan', active: false }, { openid: JIANGNAN_STAFF }));
    const { opinionId } = ok(await t.call('opinion.submit', opinionFor({ stationId: 'st-nanhu' }), { openid: 'dept-resident-2' }));
    ok(await t.call('casework.accept', { opinionId }, { openid: JIANGNAN_STAFF }));
    expect(await t.call('casework.assign', { opinionId, departmentIds: ['dept-jn-jiaotong'], note: '请办理' }, { openid: JIANGNAN_STAFF })).toEqual(
      refusedWith('CASE.DEPARTMENT_UNAVAILABLE'),
    );
  });
});

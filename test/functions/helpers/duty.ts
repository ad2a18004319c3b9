import { ok, type TestRuntime } from '../../support/runtime';

/** A staff account bound the way it happens for real: the city's administrator issues a code, the member enters it. */
export async function staffOf(t: TestRuntime, openid: string, scope: { role: 'station'; stationId: string } | { role: 'area'; areaId: string }): Promise<string> {
  const { code } = ok(await t.call('admin.issueStaffCode', { ...scope, name: '工作人员' }, { openid: 'demo-staff-city' }));
  ok(await t.call('account.bindStaff', { code }, { openid }));
  return openid;
}

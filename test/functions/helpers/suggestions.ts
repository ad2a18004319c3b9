import type { PayloadOf } from '../../../miniprogram/shared/contract';
import { ok, type TestRuntime } from '../../support/runtime';
import { bindDeputy, opinionFor } from './cloud';

/**
 * What the suggestion tests share: the city congress's administrator, deputies bound the way it
 * happens for real, units' handlers bound with staff codes, a session of 临江市's congress, and
 * residents' opinions to attach by tracking number.
 */
export const CITY = 'demo-staff-city';
export const JIANGNAN = 'demo-staff-jiangnan';
export const BEISHAN = 'demo-staff-beishan';

/** 市人大代表 of 临江市: 刘德明 (南湖, 江南区), 赵红梅 (青石, 江南区), 张丽 (临江街道, 江北区); 吴海波 is a 区人大代表. */
export const DEPUTIES = { liu: 'dp-005', zhao: 'dp-006', zhang: 'dp-004', wu: 'dp-009' } as const;

export async function bindDeputies(t: TestRuntime, prefix: string): Promise<Record<keyof typeof DEPUTIES, string>> {
  const openids = { liu: `${prefix}-liu`, zhao: `${prefix}-zhao`, zhang: `${prefix}-zhang`, wu: `${prefix}-wu` };
  for (const [who, deputyId] of Object.entries(DEPUTIES)) await bindDeputy(t, openids[who as keyof typeof DEPUTIES], deputyId);
  return openids;
}

/** A unit's handler, bound with a staff code the administrator issued. */
export async function bindHandler(t: TestRuntime, openid: string, departmentId: string): Promise<string> {
  const { code } = ok(await t.call('admin.issueStaffCode', { role: 'handler', departmentId, name: '经办人' }, { openid: CITY }));
  ok(await t.call('account.bindStaff', { code }, { openid }));
  return openid;
}

let serial = 0;
export const fresh = (prefix: string): string => `${prefix}-${process.pid}-${(serial += 1)}`;

export async function citySession(t: TestRuntime, fields: Partial<PayloadOf<'suggestion.saveSession'>> = {}): Promise<string> {
  const { session } = ok(
    await t.call(
      'suggestion.saveSession',
      {
        clientRequestId: fresh('session'),
        areaId: 'area-linjiang',
        name: '临江市第十七届人民代表大会第六次会议',
        acceptsFrom: '2026-11-01',
        acceptsUntil: '2027-01-31',
        active: true,
        ...fields,
      },
      { openid: CITY },
    ),
  );
  return session._id;
}

/** A resident's opinion; answers its tracking number and id. */
export async function residentOpinion(t: TestRuntime, resident: string, target: { deputyId: string } | { stationId: string }): Promise<{ opinionId: string; trackingNo: string }> {
  const { opinionId, trackingNo } = ok(await t.call('opinion.submit', opinionFor(target), { openid: resident }));
  return { opinionId, trackingNo };
}

export function draft(sessionId: string, fields: Partial<PayloadOf<'suggestion.saveDraft'>> = {}): PayloadOf<'suggestion.saveDraft'> {
  return {
    clientRequestId: fresh('draft'),
    sessionId,
    title: '关于在城区设立快递员爱心驿站的建议',
    cause: '快递员、外卖骑手常年在外奔波，中午休息、喝水、如厕没有去处，群众多次在接待日反映。',
    content: '建议依托社区党群服务中心、加油站和商场设立快递员爱心驿站，提供饮水、充电、休息和如厕服务，并在地图小程序上标注位置，由市总工会牵头，住建、商务部门配合落实。',
    category: 'socialSecurity',
    opinionTrackingNos: [],
    coSignerIds: [],
    ...fields,
  };
}

/** A suggestion led by `lead`, submitted and registered by the city's administrator; answers its id. */
export async function registered(t: TestRuntime, lead: string, sessionId: string, fields: Partial<PayloadOf<'suggestion.saveDraft'>> = {}): Promise<string> {
  const { suggestion } = ok(await t.call('suggestion.saveDraft', draft(sessionId, fields), { openid: lead }));
  ok(await t.call('suggestion.submit', { suggestionId: suggestion.suggestionId }, { openid: lead }));
  ok(await t.call('suggestion.review', { suggestionId: suggestion.suggestionId, decision: 'register' }, { openid: CITY }));
  return suggestion.suggestionId;
}

/** A registered suggestion (see registered) that the city's administrator then assigns as `assignment` says; answers its id. */
export async function assigned(
  t: TestRuntime,
  lead: string,
  sessionId: string,
  fields: Partial<PayloadOf<'suggestion.saveDraft'>>,
  assignment: Omit<PayloadOf<'suggestion.assign'>, 'suggestionId'>,
): Promise<string> {
  const suggestionId = await registered(t, lead, sessionId, fields);
  ok(await t.call('suggestion.assign', { suggestionId, ...assignment }, { openid: CITY }));
  return suggestionId;
}

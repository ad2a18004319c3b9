import type { PayloadOf } from '../../../miniprogram/shared/contract';
import { ok, type TestRuntime } from '../../support/runtime';

/**
 * What the 票决 tests share: a round of 临江市's congress opened by the city administrator on the
 * schedule below (the tests move the clock through it), and candidates the administrator adds.
 */
export const CITY = 'demo-staff-city';

/** 2026-11-18 (ORDINARY_MORNING) → proposals until 11-25, comments until 12-05, vote 12-10 09:00–12:00, rating December 2027. */
export const SCHEDULE = {
  proposalsUntil: '2026-11-25',
  commentsUntil: '2026-12-05',
  voteFrom: '2026-12-10T09:00:00+08:00',
  voteUntil: '2026-12-10T12:00:00+08:00',
  ratingFrom: '2027-12-01',
  ratingUntil: '2027-12-31',
} as const;

let serial = 0;
export const freshId = (prefix: string): string => `${prefix}-${process.pid}-${(serial += 1)}`;

export function roundPayload(fields: Partial<PayloadOf<'project.openRound'>> = {}): PayloadOf<'project.openRound'> {
  return {
    clientRequestId: freshId('round'),
    areaId: 'area-linjiang',
    year: 2027,
    title: '临江市2027年民生实事项目票决',
    ...SCHEDULE,
    minChoices: 1,
    maxChoices: 2,
    tieRule: 'lowerCost',
    ...fields,
  };
}

export async function openRound(t: TestRuntime, fields: Partial<PayloadOf<'project.openRound'>> = {}): Promise<string> {
  return ok(await t.call('project.openRound', roundPayload(fields), { openid: CITY })).round.roundId;
}

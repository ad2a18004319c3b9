import type { PayloadOf } from '../../miniprogram/shared/contract';
import { addDays } from '../../miniprogram/shared/domain/time';

/**
 * The 票决 round the security matrix, its scenarios and the page tests open: 临江市's congress,
 * counted from `today` (the runtime's Shanghai date): proposals for a day, comments two days more,
 * the vote on day 5 from 09:00 to 12:00, rating from day 10 to day 20. `fields` says what differs.
 */
export function roundOpening(today: string, fields: Partial<PayloadOf<'project.openRound'>> & { clientRequestId: string }): PayloadOf<'project.openRound'> {
  return {
    areaId: 'area-linjiang',
    year: 2027,
    title: '临江市民生实事项目票决',
    proposalsUntil: addDays(today, 1),
    commentsUntil: addDays(today, 3),
    voteFrom: `${addDays(today, 5)}T09:00:00+08:00`,
    voteUntil: `${addDays(today, 5)}T12:00:00+08:00`,
    ratingFrom: addDays(today, 10),
    ratingUntil: addDays(today, 20),
    minChoices: 1,
    maxChoices: 2,
    tieRule: 'lowerCost',
    ...fields,
  };
}

import type { PayloadOf } from '../../miniprogram/shared/contract';
import { addDays } from '../../miniprogram/shared/domain/time';

/** Days after `today` each stage of a round ends (the vote is that day, 09:00 to 12:00). */
export interface RoundDays {
  proposals: number;
  comments: number;
  vote: number;
  ratingFrom: number;
  ratingUntil: number;
}

/**
 * The 票决 round the security matrix, its scenarios and the page tests open: 临江市's congress,
 * counted from `today` (the runtime's Shanghai date): by default proposals for a day, comments two
 * days more, the vote on day 5 from 09:00 to 12:00, rating from day 10 to day 20 (`days` moves
 * them). `fields` says what else differs.
 */
export function roundOpening(
  today: string,
  fields: Partial<PayloadOf<'project.openRound'>> & { clientRequestId: string },
  days: RoundDays = { proposals: 1, comments: 3, vote: 5, ratingFrom: 10, ratingUntil: 20 },
): PayloadOf<'project.openRound'> {
  return {
    areaId: 'area-linjiang',
    year: 2027,
    title: '临江市民生实事项目票决',
    proposalsUntil: addDays(today, days.proposals),
    commentsUntil: addDays(today, days.comments),
    voteFrom: `${addDays(today, days.vote)}T09:00:00+08:00`,
    voteUntil: `${addDays(today, days.vote)}T12:00:00+08:00`,
    ratingFrom: addDays(today, days.ratingFrom),
    ratingUntil: addDays(today, days.ratingUntil),
    minChoices: 1,
    maxChoices: 2,
    tieRule: 'lowerCost',
    ...fields,
  };
}

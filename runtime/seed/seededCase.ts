/**
 * A seeded case is stored as opinion.submit stores it, then walks the case state machine through
 * its own planners, as the functions would: so a seeded case is what the functions would have
 * written. The demo seeds and the city's (city/cityCases.ts) all start and step their cases here.
 */
import { newOpinionDocument, type OpinionTarget } from '../../cloudfunctions/core/storeOpinion';
import { packageCalendar } from '../../cloudfunctions/core/workingCalendar';
import type { OpinionDocument } from '../../infra/documents/opinions';
import { DEFAULT_CASE_DEADLINES } from '../../miniprogram/shared/domain/caseDeadlines';
import {
  planAccept,
  planAnswer,
  planApprove,
  planAssign,
  planExpireRating,
  planForward,
  planRate,
  planReply,
  planReturn,
  planUrge,
  type AnswerCategory,
  type CaseActor,
  type CaseChange,
  type CaseEnv,
  type CasePlan,
  type Rating,
} from '../../miniprogram/shared/domain/casework';
import type { OpinionCategory } from '../../miniprogram/shared/domain/opinion';
import { shanghaiDate } from '../../miniprogram/shared/domain/time';
import { formatTrackingNumber } from '../../miniprogram/shared/domain/trackingNumber';

/** What a seeded resident wrote; its client request id is `<requestPrefix>-<id>`. */
export interface SeededOpinion {
  id: string;
  author: string;
  category: OpinionCategory;
  text: string;
  contact: OpinionDocument['contact'];
}

/**
 * The opinion as opinion.submit stores it at `createdAt`, the `sequence`th of its station's day:
 * received from its author through the form, without photos or place, passed by content safety.
 */
export function receivedCase(seed: SeededOpinion, target: OpinionTarget, createdAt: Date, sequence: number, requestPrefix = 'demo'): OpinionDocument {
  return newOpinionDocument(
    {
      _id: seed.id,
      authorOpenid: seed.author,
      clientRequestId: `${requestPrefix}-${seed.id}`,
      category: seed.category,
      text: seed.text,
      photos: [],
      location: null,
      contact: seed.contact,
      moderation: { suggest: 'pass' },
      target,
      received: { actorRole: 'resident', actorId: seed.author, public: true },
    },
    formatTrackingNumber({ stationCode: target.station.code, date: shanghaiDate(createdAt), sequence }),
    createdAt,
    { deadlines: DEFAULT_CASE_DEADLINES, calendar: packageCalendar },
  );
}

/** One step, with who takes it where the actor is not the case's staff member or its resident. */
export type CaseStep =
  | { do: 'accept'; note?: string }
  | { do: 'reply'; deputy: CaseActor; text: string }
  | { do: 'forward'; deputy: CaseActor; note: string }
  | { do: 'assign'; departments: Array<{ _id: string; name: string }>; note: string }
  | { do: 'answer'; handler: CaseActor; departmentId: string; category: AnswerCategory; text: string; reason?: string }
  | { do: 'return'; note: string }
  | { do: 'approve' }
  | { do: 'urge'; note: string }
  | { do: 'rate'; rating: Rating; comment?: string }
  | { do: 'expireRating' };

/**
 * The planner's answer to a step, and what the function writes beside the plan: a deputy's reply
 * or forward is kept on the case for the deputy's statistics.
 */
export function planCaseStep(doc: OpinionDocument, step: CaseStep, env: CaseEnv, staff: CaseActor): { planned: CasePlan; extra: Partial<OpinionDocument> } {
  const deputyOf = (deputy: CaseActor) => ({ at: env.now, deputyId: deputy.id ?? '', deputyName: deputy.name ?? '' });
  switch (step.do) {
    case 'accept':
      return { planned: planAccept(doc, { note: step.note }, env, staff), extra: {} };
    case 'reply':
      return { planned: planReply(doc, { text: step.text }, env, step.deputy), extra: { reply: { text: step.text, ...deputyOf(step.deputy) } } };
    case 'forward':
      return { planned: planForward(doc, { note: step.note }, env, step.deputy), extra: { forward: { note: step.note, ...deputyOf(step.deputy) } } };
    case 'assign':
      return { planned: planAssign(doc, { departments: step.departments, note: step.note }, env, staff), extra: {} };
    case 'answer': {
      const { departmentId, category, text, reason } = step;
      return { planned: planAnswer(doc, { departmentId, category, text, reason }, env, step.handler), extra: {} };
    }
    case 'return':
      return { planned: planReturn(doc, { note: step.note }, env, staff), extra: {} };
    case 'approve':
      return { planned: planApprove(doc, {}, env, staff), extra: {} };
    case 'urge':
      return { planned: planUrge(doc, { note: step.note }, env, staff), extra: {} };
    case 'rate':
      return { planned: planRate(doc, { rating: step.rating, comment: step.comment }, env, { role: 'resident', id: doc.authorOpenid }), extra: {} };
    case 'expireRating':
      return { planned: planExpireRating(env), extra: {} };
  }
}

/** The case after a planned change, as the function stores it at `now`. */
export function applyCaseChange(doc: OpinionDocument, change: CaseChange, extra: Partial<OpinionDocument>, now: Date): OpinionDocument {
  const next: OpinionDocument = { ...doc, ...change.set, ...extra, timeline: [...doc.timeline, ...change.events], updatedAt: now };
  if (change.increment.urgeCount) next.urgeCount = (doc.urgeCount ?? 0) + change.increment.urgeCount;
  return next;
}

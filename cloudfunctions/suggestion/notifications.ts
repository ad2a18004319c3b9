import { COLLECTIONS } from '../../infra/database';
import type { OpinionDocument } from '../../infra/documents/opinions';
import type { SuggestionDocument } from '../../infra/documents/suggestions';
import { acceptedCoSigners, ANSWER_CLASS_LABELS } from './machine';
import { shanghaiClock, shanghaiDate } from '../../miniprogram/shared/domain/time';
import type { AccountDocument } from '../core/accounts';
import type { Database } from '../core/cloud';
import { sendEachSubscribeMessage, type SubscribeMessage } from '../core/openapi';
import { notifyResidents, type ResidentNotice } from '../core/residentNotice';
import { DEPUTY_SUGGESTION_PAGE, MY_OPINION_PAGE, STAFF_SUGGESTION_PAGE, templateIds } from './config';

/**
 * Subscribe messages about suggestions, each on its own (core/openapi.ts): the change a message
 * tells about is stored already and shows in the app either way. Answers how many WeChat accepted.
 */
async function deliver(messages: readonly SubscribeMessage[]): Promise<number> {
  return (await sendEachSubscribeMessage('suggestion', messages)).filter(Boolean).length;
}

const MOST_ACCOUNTS = 100;

/** The ids (openids) of the accounts `where` selects, at most MOST_ACCOUNTS. One request. */
async function accountIds(db: Database, where: object): Promise<string[]> {
  const { data } = await db.collection(COLLECTIONS.accounts).where(where).limit(MOST_ACCOUNTS).field({ _id: true }).get();
  return (data as AccountDocument[]).map((a) => a._id);
}

/** The WeChat accounts bound to these deputies. One request. */
async function deputyAccounts(db: Database, deputyIds: readonly string[]): Promise<string[]> {
  return deputyIds.length === 0 ? [] : accountIds(db, { 'deputy.deputyId': db.command.in([...deputyIds]), roles: 'deputy' });
}

/** The handlers of these units. One request. */
async function handlerAccounts(db: Database, departmentIds: readonly string[]): Promise<string[]> {
  return departmentIds.length === 0 ? [] : accountIds(db, { 'staff.departmentId': db.command.in([...departmentIds]), roles: 'staff' });
}

/** The congress staff of the suggestion's congress (area staff and administrators of its area). One request. */
async function congressStaffAccounts(db: Database, doc: Pick<SuggestionDocument, 'areaPath'>): Promise<string[]> {
  const areaId = doc.areaPath[doc.areaPath.length - 1] ?? '';
  return accountIds(db, { 'staff.areaId': areaId, 'staff.role': db.command.in(['area', 'admin']), roles: 'staff' });
}

function toDeputies(openids: readonly string[], doc: SuggestionDocument, what: string, next: string, at: Date): SubscribeMessage[] {
  return openids.map((touser) => ({
    touser,
    templateId: templateIds().deputy,
    page: `${DEPUTY_SUGGESTION_PAGE}?suggestionId=${doc._id}`,
    data: { thing1: doc.title, thing2: what, time3: shanghaiClock(at), thing4: next },
  }));
}

/** `date3` is the last day allowed, or, for what has none, the day it happened. */
function toWorkers(openids: readonly string[], doc: SuggestionDocument, what: string, date: string, note: string): SubscribeMessage[] {
  return openids.map((touser) => ({
    touser,
    templateId: templateIds().unit,
    page: `${STAFF_SUGGESTION_PAGE}?suggestionId=${doc._id}`,
    data: { thing1: doc.title, thing2: what, date3: date, thing4: note || '请及时查看' },
  }));
}

/** Deputies newly invited to co-sign: asked to accept or decline. */
export async function notifyInvited(db: Database, doc: SuggestionDocument, deputyIds: readonly string[], at: Date): Promise<number> {
  return deliver(toDeputies(await deputyAccounts(db, deputyIds), doc, `${doc.leadDeputyName}代表邀请您联名`, '请查看建议并回复是否联名', at));
}

/** The lead deputy, told how staff reviewed it. */
export async function notifyReviewed(db: Database, doc: SuggestionDocument, what: string, next: string, at: Date): Promise<number> {
  return deliver(toDeputies(await deputyAccounts(db, [doc.leadDeputyId]), doc, what, next, at));
}

/**
 * An answer (or a follow-up) reaches every deputy behind the suggestion, the lead and each who
 * co-signed; the first answer also reaches each resident whose opinion fed it, once.
 */
export async function notifyAnswered(db: Database, doc: SuggestionDocument, at: Date, first: boolean): Promise<{ deputies: number; residents: number }> {
  const answer = doc.answers[doc.answers.length - 1];
  const label = answer ? ANSWER_CLASS_LABELS[answer.answerClass].slice(0, 2) : '';
  const what = answer?.kind === 'followUp' ? `落实情况：${label}` : `已答复：${label}`;
  const deputyIds = [doc.leadDeputyId, ...acceptedCoSigners(doc).map((c) => c.deputyId)];
  const next = answer?.kind === 'followUp' ? '请查看落实情况' : '请查看答复，领衔代表请评价';
  const [openids, authors] = await Promise.all([
    deputyAccounts(db, deputyIds),
    first && doc.opinions.length > 0
      ? db
          .collection(COLLECTIONS.opinions)
          .where({ _id: db.command.in(doc.opinions.map((o) => o.opinionId)) })
          .limit(doc.opinions.length)
          .field({ _id: true, authorOpenid: true, trackingNo: true })
          .get()
          .then(({ data }) => data as Array<Pick<OpinionDocument, '_id' | 'authorOpenid' | 'trackingNo'>>)
      : Promise.resolve([]),
  ]);
  const residents: ResidentNotice[] = authors
    .filter((o) => o.authorOpenid)
    .map((o) => ({
      message: {
        touser: o.authorOpenid,
        templateId: templateIds().resident,
        page: `${MY_OPINION_PAGE}?opinionId=${o._id}`,
        data: { character_string1: o.trackingNo, thing2: `您反映的问题已有答复：${label}`, time3: shanghaiClock(at) },
      },
      worth: 'key',
      event: 'suggestion.answered',
      title: '您反映的问题写进了代表建议，已有答复',
      body: `${o.trackingNo}：${doc.title}（${label}）`,
    }));
  const [deputies, told] = await Promise.all([deliver(toDeputies(openids, doc, what, next, at)), notifyResidents(db, residents, at)]);
  return { deputies, residents: told };
}

/** The units' handlers: assigned, re-routed to them, reminded, told of an extension decision or of 重新办理. */
export async function notifyUnits(db: Database, doc: SuggestionDocument, departmentIds: readonly string[], what: string, date: string, note = ''): Promise<number> {
  return deliver(toWorkers(await handlerAccounts(db, departmentIds), doc, what, date, note));
}

/** The congress's staff: a unit sent it back (and whether it keeps bouncing). */
export async function notifyStaff(db: Database, doc: SuggestionDocument, what: string, note: string, at: Date): Promise<number> {
  return deliver(toWorkers(await congressStaffAccounts(db, doc), doc, what, shanghaiDate(at), note));
}

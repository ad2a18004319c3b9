import { COLLECTIONS } from '../../infra/database';
import type { SuggestionDocument } from '../../infra/documents/suggestions';
import { dueAfterMonths } from './limits';
import { lastDayOf, remindersDue, SUGGESTION_STAGE_LABELS, type SuggestionDeadline } from './machine';
import type { CallContext } from '../core/handler';
import { oncePerDay } from '../core/timer';
import { REMINDER_HOUR } from './config';
import { notifyUnits } from './notifications';
import { suggestionLimits } from './settings';

export interface TimerReport {
  /** Reminders recorded today (a unit of a deadline coming: answers, 协办 views, 重新办理). */
  reminded: number;
  /** Deadlines moved past days off of a year nobody had recorded, counted again now that it is recorded. */
  deadlinesRecounted: number;
}

/** Suggestions reminded per day at most; the rest go the next day, still ahead of their deadlines. */
const BATCH = 200;

interface Reminder {
  doc: SuggestionDocument;
  departmentIds: string[];
  what: string;
  dueDate: string;
  keys: string[];
}

/** What a suggestion is due to be reminded of today: the lead's answer, and each 协办 unit's views still owed. */
function remindersOf(doc: SuggestionDocument, now: Date, limits: ReturnType<typeof suggestionLimits>): Reminder[] {
  const reminders: Reminder[] = [];
  const deadline = doc.deadline;
  if (deadline && doc.leadDepartmentId) {
    const keys = remindersDue(deadline, deadline.stage, doc.remindersSent, now, limits);
    if (keys.length > 0) reminders.push({ doc, departmentIds: [doc.leadDepartmentId], what: `请按期${SUGGESTION_STAGE_LABELS[deadline.stage]}`, dueDate: deadline.dueDate, keys });
  }
  if (doc.status === 'assigned') {
    for (const unit of doc.units.filter((u) => u.active && u.role === 'assist' && !u.view)) {
      const due = { dueDate: lastDayOf(unit.dueAt) };
      const keys = remindersDue(due, `view-${unit.departmentId}`, doc.remindersSent, now, limits);
      if (keys.length > 0) reminders.push({ doc, departmentIds: [unit.departmentId], what: '请按期向主办单位提出协办意见', dueDate: due.dueDate, keys });
    }
  }
  return reminders;
}

/**
 * Reminds units before their deadlines: `remindDaysBefore` (15 and 3 days by default) before the
 * lead's answer (or 重新办理) is due, and before a 协办 unit's views are. Each reminder goes once: its
 * key is recorded on the suggestion, written only if nobody changed the suggestion meanwhile.
 */
async function remindUnits(ctx: CallContext): Promise<{ reminded: number }> {
  const { db, now } = ctx;
  const _ = db.command;
  const limits = suggestionLimits();
  const { data } = await db
    .collection(COLLECTIONS.suggestions)
    .where({ status: _.in(['assigned', 'rehandling']), 'deadline.dueAt': _.gte(now) })
    .orderBy('deadline.dueAt', 'asc')
    .limit(BATCH)
    .get();
  // Soonest due first: a day with more than a batch reminds the most urgent, the rest the next day.
  const reminders = (data as SuggestionDocument[]).flatMap((doc) => remindersOf(doc, now, limits));
  let reminded = 0;
  const byDoc = new Map<string, Reminder[]>();
  for (const reminder of reminders) byDoc.set(reminder.doc._id, [...(byDoc.get(reminder.doc._id) ?? []), reminder]);
  for (const [id, list] of byDoc) {
    const doc = list[0]!.doc;
    const keys = list.flatMap((r) => r.keys);
    const event = { type: 'reminded', at: now, actorRole: 'system', note: list.map((r) => `${r.what}（${r.dueDate}前）`).join('；') };
    const { updated } = await db
      .collection(COLLECTIONS.suggestions)
      .where({ _id: id, version: doc.version })
      .update({ remindersSent: _.push(keys), timeline: _.push([event]), version: _.inc(1), updatedAt: now });
    if (updated !== 1) continue;
    reminded += list.length;
    for (const reminder of list) await notifyUnits(db, doc, reminder.departmentIds, reminder.what, reminder.dueDate);
  }
  return { reminded };
}

/**
 * A deadline whose last day was moved past days off of a year nobody had recorded is counted again
 * once staff record the year: the same months from the same start. Written only if the suggestion
 * is still the version read, with the lead's (and 会办 units') dates that followed it. One request when
 * there is nothing to recount.
 */
async function recountProvisionalDeadlines(ctx: CallContext): Promise<number> {
  const { db, now } = ctx;
  const { data } = await db.collection(COLLECTIONS.suggestions).where({ 'deadline.provisional': true }).limit(BATCH).get();
  const docs = data as SuggestionDocument[];
  if (docs.length === 0) return 0;
  const calendar = await ctx.calendar();
  const limits = suggestionLimits();
  const _ = db.command;
  const written = await Promise.all(
    docs.map(async (doc) => {
      const running = doc.deadline;
      if (!running) return 0;
      const months = running.stage === 'rehandle' ? limits.rehandleMonths : limits.answerMonths + doc.extensionMonths;
      const again: SuggestionDeadline = { stage: running.stage, ...dueAfterMonths(new Date(running.startedAt), months, calendar) };
      if (again.provisional) return 0;
      const was = new Date(running.dueAt).getTime();
      const units = doc.units.map((u) => (u.active && u.role !== 'assist' && new Date(u.dueAt).getTime() === was ? { ...u, dueAt: again.dueAt } : u));
      const { updated } = await db
        .collection(COLLECTIONS.suggestions)
        .where({ _id: doc._id, version: doc.version })
        .update({ deadline: _.set(again), units: _.set(units), version: _.inc(1), updatedAt: now });
      return updated;
    }),
  );
  return written.reduce((sum, n) => sum + n, 0);
}

/**
 * What the suggestion timer does at every firing (hourly): deadlines counted again once their year's
 * holidays are recorded, and the day's reminders, once a day from 09:00 Shanghai.
 */
export async function runSuggestionTimer(ctx: CallContext): Promise<TimerReport> {
  const deadlinesRecounted = await recountProvisionalDeadlines(ctx);
  const daily = await oncePerDay(ctx.db, 'suggestionReminders', ctx.now, REMINDER_HOUR, () => remindUnits(ctx));
  return { reminded: daily?.reminded ?? 0, deadlinesRecounted };
}

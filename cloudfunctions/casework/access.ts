import { COLLECTIONS } from '../../infra/database';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import type { CaseActor, CaseRefusalReason } from '../../miniprogram/shared/domain/casework';
import { contentHold } from '../../miniprogram/shared/domain/moderation';
import type { ErrorCode } from '../../miniprogram/shared/errors';
import { loadCaller, requireOpenid, requireStaffAccount, scopeCovers } from '../core/caller';
import { fail } from '../core/errors';
import type { CallContext } from '../core/handler';
import type { OpinionDocument } from '../../infra/documents/opinions';

/** Who works on cases: congress staff within their area, or a department's handler. */
export interface CaseWorker {
  openid: string;
  scope: StaffScope;
  isHandler: boolean;
  /** How they appear on the timeline. */
  actor: CaseActor;
}

function workerOf(openid: string, scope: StaffScope): CaseWorker {
  const isHandler = scope.role === 'handler';
  const actor: CaseActor = isHandler ? { role: 'handler', id: openid, name: scope.departmentName ?? '' } : { role: 'staff', id: openid };
  return { openid, scope, isHandler, actor };
}

export type WorkerKind = 'staff' | 'handler' | 'either';

function requireKind(worker: CaseWorker, kind: WorkerKind): void {
  if ((kind === 'staff' && worker.isHandler) || (kind === 'handler' && !worker.isHandler)) fail('AUTH.FORBIDDEN');
}

/** The caller as staff or handler (one database request), or AUTH.FORBIDDEN. */
export async function loadWorker(ctx: CallContext, kind: WorkerKind): Promise<CaseWorker> {
  const caller = await loadCaller(ctx);
  const worker = workerOf(caller.openid, requireStaffAccount(caller));
  requireKind(worker, kind);
  return worker;
}

/** Staff see the cases of their area (station staff: their station); a handler those ever assigned to their department. */
export function maySee(worker: CaseWorker, opinion: Pick<OpinionDocument, 'areaPath' | 'stationId' | 'departmentIds'>): boolean {
  if (worker.isHandler) return !!worker.scope.departmentId && (opinion.departmentIds ?? []).includes(worker.scope.departmentId);
  return scopeCovers(worker.scope, opinion);
}

/** The caller's scope as a query on cases (opinions). */
export function scopeFilter(worker: CaseWorker): Record<string, unknown> {
  if (worker.isHandler) return { departmentIds: worker.scope.departmentId };
  return worker.scope.role === 'station' ? { stationId: worker.scope.stationId } : { areaPath: worker.scope.areaId };
}

/**
 * The caller and the case, read together (two database requests), and whatever else the use case
 * needs read alongside. A case the caller may not see is not found exactly like a missing one.
 */
export async function loadCase<T = undefined>(
  ctx: CallContext,
  opinionId: string,
  kind: WorkerKind,
  alongside?: () => Promise<T>,
): Promise<{ worker: CaseWorker; opinion: OpinionDocument; extra: T }> {
  requireOpenid(ctx);
  const [caller, { data }, extra] = await Promise.all([
    loadCaller(ctx),
    ctx.db.collection(COLLECTIONS.opinions).where({ _id: opinionId }).limit(1).get(),
    alongside ? alongside() : Promise.resolve(undefined as T),
  ]);
  const worker = workerOf(caller.openid, requireStaffAccount(caller));
  requireKind(worker, kind);
  const opinion = (data as OpinionDocument[])[0];
  if (!opinion || !maySee(worker, opinion)) fail('CASE.NOT_FOUND');
  return { worker, opinion, extra };
}

export async function reloadCase(ctx: CallContext, opinionId: string): Promise<OpinionDocument> {
  const { data } = await ctx.db.collection(COLLECTIONS.opinions).where({ _id: opinionId }).limit(1).get();
  const opinion = (data as OpinionDocument[])[0];
  if (!opinion) fail('CASE.NOT_FOUND');
  return opinion;
}

/**
 * Text held for content review, or rejected, is no case anyone may act on (staff decide on it in
 * moderation.listFlagged first). Held text only ever becomes published or rejected, and published
 * never changes back, so checking the case as read is enough: no guard on the write.
 */
export function requireHandleable(opinion: Pick<OpinionDocument, 'moderation'>): void {
  const hold = contentHold(opinion.moderation);
  if (hold === 'held') fail('CASE.CONTENT_UNDER_REVIEW');
  if (hold === 'rejected') fail('CASE.CONTENT_REJECTED');
}

const REFUSAL_CODES: Record<CaseRefusalReason, ErrorCode> = {
  illegalTransition: 'CASE.ILLEGAL_TRANSITION',
  notYourDepartment: 'CASE.NOT_FOUND',
  alreadyAnswered: 'CASE.ALREADY_ANSWERED',
  departmentNotInRound: 'CASE.DEPARTMENT_UNAVAILABLE',
  alreadyRated: 'OPINION.ALREADY_RATED',
  notRatable: 'OPINION.NOT_RATABLE',
  referWindowClosed: 'CASE.REFER_WINDOW_CLOSED',
  followUpNotAsked: 'OPINION.FOLLOW_UP_NOT_DUE',
  followUpAnswered: 'OPINION.FOLLOW_UP_ANSWERED',
  followUpNotUnsolved: 'CASE.NOT_REOPENABLE',
};

export function refusalCode(reason: CaseRefusalReason): ErrorCode {
  return REFUSAL_CODES[reason];
}

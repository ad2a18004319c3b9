import { COLLECTIONS } from '../../../infra/database';
import type { AuditEntry } from '../../../miniprogram/shared/contract/privacy';
import { auditActorLabel } from '../../../miniprogram/shared/domain/privacy';
import type { AuditDocument } from '../../core/audit';
import { loadCaller, requireStaff } from '../../core/caller';
import { fail } from '../../core/errors';
import type { Handler } from '../../core/handler';
import { readPage, type PageOrder } from '../../core/paging';

const PAGE_SIZE = 20;

function entryView(entry: AuditDocument & { _id: string }): AuditEntry {
  const view: AuditEntry = {
    _id: entry._id,
    at: new Date(entry.at).toISOString(),
    actor: auditActorLabel(entry.actorRole, entry.actorName),
    actorRole: entry.actorRole,
    action: entry.action,
    subjectId: entry.subjectId,
    fields: entry.fields,
  };
  if (entry.actorName) view.actorName = entry.actorName;
  if (entry.stationId) view.stationId = entry.stationId;
  return view;
}

/**
 * Administrators read who was shown residents' personal data within their area, newest first,
 * optionally about one case or reception day. Station and area staff, handlers, deputies and
 * residents are refused: the log watches them. Two database requests.
 */
export const listAuditLog: Handler<'privacy.listAuditLog'> = async ({ subjectId, cursor, pageSize = PAGE_SIZE }, ctx) => {
  const scope = requireStaff(await loadCaller(ctx));
  if (scope.role !== 'admin') fail('AUTH.FORBIDDEN');
  const filter: Record<string, unknown> = { areaPath: scope.areaId };
  if (subjectId) filter.subjectId = subjectId;
  const { db } = ctx;
  const order: PageOrder = { field: 'at', direction: 'desc' };
  const { items, nextCursor } = await readPage<AuditDocument & { _id: string }>(db, { collection: COLLECTIONS.auditLog, where: [filter], order, cursor, pageSize });
  return { items: items.map(entryView), nextCursor };
};

import { COLLECTIONS } from '../../infra/database';
import type { StaffScope } from '../../miniprogram/shared/domain/account';
import type { Database } from './cloud';

/** One read of residents' personal data, as stored in `audit_log`. */
export interface AuditDocument {
  _id?: string;
  at: Date;
  actorOpenid: string;
  actorRole: StaffScope['role'];
  actorName?: string;
  action: string;
  subjectId: string;
  fields: string[];
  /** Where the subject is: lets administrators read the log of their own area only. */
  areaPath: string[];
  stationId?: string;
}

export interface PersonalDataRead {
  actor: { openid: string; scope: StaffScope; name?: string | null };
  action: string;
  subjectId: string;
  fields: readonly string[];
  place: { areaPath: readonly string[]; stationId?: string };
}

/**
 * Records that staff were shown personal data in full. Nothing is recorded when nothing personal
 * was shown. The write is awaited: a read that cannot be recorded fails rather than goes unrecorded.
 * One database request (none when nothing was shown).
 */
export async function recordPersonalDataRead(db: Database, read: PersonalDataRead, now: Date): Promise<void> {
  if (read.fields.length === 0) return;
  const entry: AuditDocument = {
    at: now,
    actorOpenid: read.actor.openid,
    actorRole: read.actor.scope.role,
    action: read.action,
    subjectId: read.subjectId,
    fields: [...new Set(read.fields)].sort(),
    areaPath: [...read.place.areaPath],
  };
  if (read.actor.name) entry.actorName = read.actor.name;
  if (read.place.stationId) entry.stationId = read.place.stationId;
  await db.collection(COLLECTIONS.auditLog).add(entry);
}

import { COLLECTIONS } from '../../infra/database';
import type { AuditActorRole } from '../../miniprogram/shared/domain/privacy';
import type { Database } from './cloud';

/** Who was shown someone else's personal data: their role, and their own name when they have one on record. */
export interface AuditActor {
  openid: string;
  role: AuditActorRole;
  name?: string;
}

/** One read of residents' personal data, as stored in `audit_log`. */
export interface AuditDocument {
  _id?: string;
  at: Date;
  actorOpenid: string;
  actorRole: AuditActor['role'];
  actorName?: string;
  action: string;
  subjectId: string;
  fields: string[];
  /** Where the subject is: lets administrators read the log of their own area only. */
  areaPath: string[];
  stationId?: string;
}

export interface SubjectRead {
  subjectId: string;
  fields: readonly string[];
  areaPath?: readonly string[] | undefined;
  stationId?: string | undefined;
}

/**
 * Writes one audit entry per subject shown. Only the data-access door (core/personalData.ts) calls this: no use
 * case records its own reads. A subject read without its place (a joined row) is placed by its station's area
 * path (one more request). One request for the entries.
 */
export async function recordPersonalDataReads(db: Database, actor: AuditActor, action: string, reads: readonly SubjectRead[], now: Date): Promise<void> {
  if (reads.length === 0) return;
  const unplaced = [...new Set(reads.filter((read) => !read.areaPath && read.stationId).map((read) => read.stationId as string))];
  const stationPaths = new Map<string, string[]>();
  if (unplaced.length > 0) {
    const { data } = await db
      .collection(COLLECTIONS.stations)
      .where({ _id: db.command.in(unplaced) })
      .limit(unplaced.length)
      .field({ _id: 1, areaPath: 1 })
      .get();
    for (const station of data as Array<{ _id: string; areaPath?: string[] }>) stationPaths.set(station._id, station.areaPath ?? []);
  }
  const entries = reads.map((read): AuditDocument => {
    const entry: AuditDocument = {
      at: now,
      actorOpenid: actor.openid,
      actorRole: actor.role,
      action,
      subjectId: read.subjectId,
      fields: [...new Set(read.fields)].sort(),
      areaPath: [...(read.areaPath ?? (read.stationId ? stationPaths.get(read.stationId) : undefined) ?? [])],
    };
    if (actor.name) entry.actorName = actor.name;
    if (read.stationId) entry.stationId = read.stationId;
    return entry;
  });
  await db.collection(COLLECTIONS.auditLog).add(entries);
}

/** The staff subpackage's own page URLs: they ship with the subpackage, not the main package. */
import { SUBPACKAGE_PAGES, withQuery } from '../../routes';

export function staffWalkInUrl(dayId: string): string {
  return withQuery(SUBPACKAGE_PAGES.staffWalkIn, { dayId });
}

export function staffRecordUrl(dayId: string, bookingId: string): string {
  return withQuery(SUBPACKAGE_PAGES.staffRecord, { dayId, bookingId });
}

export function staffScheduleUrl(stationId: string): string {
  return withQuery(SUBPACKAGE_PAGES.staffSchedule, { stationId });
}

/** A station's form: editing that station, or 新增联络站 without an id. */
export function staffStationEditUrl(stationId?: string): string {
  return withQuery(SUBPACKAGE_PAGES.staffStationEdit, stationId ? { stationId } : {});
}

/** A deputy's form: editing that deputy, or 新增代表 at a station. */
export function staffDeputyEditUrl(target: { deputyId: string } | { stationId: string }): string {
  return withQuery(SUBPACKAGE_PAGES.staffDeputyEdit, target);
}

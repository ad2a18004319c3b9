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

/**
 * An opinion's tracking number (受理编号), read out over the phone: the station code, the
 * Asia/Shanghai date as YYMMDD and the day's sequence at that station, e.g. LJ01-261123-007.
 */

export interface TrackingNumberParts {
  stationCode: string;
  /** YYYY-MM-DD, the Shanghai calendar date the opinion was received. */
  date: string;
  /** From 1; three digits are shown, more when a station receives over 999 in a day. */
  sequence: number;
}

const DATE_PATTERN = /^20(\d{2})-(\d{2})-(\d{2})$/;
const TRACKING_PATTERN = /^([A-Z0-9]{2,8})-(\d{2})(\d{2})(\d{2})-(\d{3,6})$/;

export function formatTrackingNumber({ stationCode, date, sequence }: TrackingNumberParts): string {
  const day = DATE_PATTERN.exec(date);
  if (!day) throw new RangeError(`tracking numbers are for dates 2000-2099: ${date}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`sequence out of range: ${sequence}`);
  return `${stationCode}-${day[1]}${day[2]}${day[3]}-${String(sequence).padStart(3, '0')}`;
}

/** The parts of a tracking number as a resident may type it (any case, spaces), or null. */
export function parseTrackingNumber(text: string): TrackingNumberParts | null {
  const match = TRACKING_PATTERN.exec(text.replace(/\s+/g, '').toUpperCase());
  if (!match) return null;
  const [, stationCode = '', yy, mm, dd, seq = ''] = match;
  const date = `20${yy}-${mm}-${dd}`;
  const month = Number(mm);
  const dayOfMonth = Number(dd);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  const sequence = Number(seq);
  if (sequence < 1) return null;
  return { stationCode, date, sequence };
}

import { COLLECTIONS } from '../../infra/database';
import type { Database } from '../core/cloud';

/** How many upcoming reception days a deputy or station page shows. */
export const UPCOMING_DAYS_SHOWN = 6;

export const DEPUTY_SUMMARY_FIELDS = { _id: 1, code: 1, name: 1, level: 1, photoUrl: 1 } as const;
export const STATION_SUMMARY_FIELDS = { _id: 1, code: 1, name: 1, areaId: 1, address: 1 } as const;
export const RECEPTION_DAY_FIELDS = { _id: 1, stationId: 1, date: 1, windows: 1, deputyIds: 1 } as const;

/** The fields of a published 亮分 document (`duty_published`) a page shows. */
export const PUBLISHED_FIGURES_FIELDS = { _id: 0, year: 1, sentences: 1, ranking: 1, stars: 1, asOf: 1 } as const;

/** The published 亮分 of the matched deputy or station, joined in the same request, as `dutyFigures`. */
export function publishedFiguresLookup(db: Database, kind: 'deputy' | 'station') {
  const $ = db.command.aggregate;
  const _ = db.command;
  return {
    from: COLLECTIONS.dutyPublished,
    let: { subjectId: '$_id' },
    pipeline: $.pipeline()
      .match(_.expr($.and([$.eq(['$subjectId', '$$subjectId']), $.eq(['$kind', kind])])))
      .limit(1)
      .project(PUBLISHED_FIGURES_FIELDS)
      .done(),
    as: 'dutyFigures',
  };
}

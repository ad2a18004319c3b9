import { COLLECTIONS } from '../../infra/database';
import { DEPUTY_SUMMARY_FIELDS } from '../../infra/documents/booking';
import type { Database } from './cloud';

type Aggregate = Database['command']['aggregate'];
type Pipeline = ReturnType<Aggregate['pipeline']>;
type Expression = Parameters<Database['command']['expr']>[0];

/**
 * A $lookup stage with a pipeline: the documents of `from` for which `where` holds (an aggregation
 * expression over the joined document and the variables of `let`), then the stages `then` adds
 * (sort, limit, project).
 */
export function lookupWhere(
  db: Database,
  stage: { from: string; let: Record<string, string>; as: string },
  where: ($: Aggregate) => Expression,
  then: (pipeline: Pipeline) => Pipeline = (pipeline) => pipeline,
) {
  const $ = db.command.aggregate;
  return { ...stage, pipeline: then($.pipeline().match(db.command.expr(where($)))).done() };
}

/**
 * A $lookup stage joining the documents of `from` whose `field` equals this document's `equals`
 * (and for which every expression `also` gives holds), then the stages `then` adds.
 */
export function lookupEqual(
  db: Database,
  join: { from: string; field: string; equals: string; as: string; also?: ($: Aggregate) => Expression[] },
  then: (pipeline: Pipeline) => Pipeline = (pipeline) => pipeline,
) {
  const { from, field, equals, as, also } = join;
  return lookupWhere(db, { from, let: { joined: `$${equals}` }, as }, ($) => (also ? $.and([$.eq([`$${field}`, '$$joined']), ...also($)]) : $.eq([`$${field}`, '$$joined'])), then);
}

/** A reception day's deputies (its deputyIds), as summaries under `deputies`; `activeOnly` leaves out those no longer serving. */
export function dayDeputiesLookup(db: Database, which: { activeOnly: boolean }, then: (pipeline: Pipeline) => Pipeline = (pipeline) => pipeline) {
  return lookupWhere(
    db,
    { from: COLLECTIONS.deputies, let: { deputyIds: '$deputyIds' }, as: 'deputies' },
    ($) => (which.activeOnly ? $.and([$.in(['$_id', '$$deputyIds']), $.eq(['$active', true])]) : $.in(['$_id', '$$deputyIds'])),
    (pipeline) => then(pipeline).project(DEPUTY_SUMMARY_FIELDS),
  );
}

import type { Database } from './cloud';

/**
 * A condition a statistics figure counts documents by (cases: shared/domain/caseStats.ts;
 * suggestions: suggestion/figureDefinitions.ts): `set` holds a value; `eq` equals; `in` one of
 * these; `nonEmpty` a non-empty list; `positive` a number above zero; `pastDue` a time already
 * passed; `and`/`or` combine.
 */
export type FigurePredicate =
  | { kind: 'all' }
  | { kind: 'set'; field: string }
  | { kind: 'eq'; field: string; value: string | boolean }
  | { kind: 'in'; field: string; values: readonly string[] }
  | { kind: 'nonEmpty'; field: string }
  | { kind: 'positive'; field: string }
  | { kind: 'pastDue'; field: string }
  | { kind: 'and'; of: readonly FigurePredicate[] }
  | { kind: 'or'; of: readonly FigurePredicate[] };

/*
 * A predicate in the two forms the database takes: a query, to list the documents behind a figure,
 * and an aggregation expression, to count them all in one pass. Both are written side by side so
 * they cannot drift apart; tests check every figure against its drill-down.
 */

/** The predicate as a query condition. */
export function predicateQuery(db: Database, predicate: FigurePredicate, now: Date): Record<string, unknown> {
  const _ = db.command;
  switch (predicate.kind) {
    case 'all':
      return {};
    case 'set':
      return { [predicate.field]: _.neq(null) };
    case 'eq':
      return { [predicate.field]: predicate.value };
    case 'in':
      return { [predicate.field]: _.in([...predicate.values]) };
    case 'nonEmpty':
      return { [`${predicate.field}.0`]: _.exists(true) };
    case 'positive':
      return { [predicate.field]: _.gt(0) };
    case 'pastDue':
      return { [predicate.field]: _.neq(null).and(_.lt(now)) };
    case 'and':
      return _.and(predicate.of.map((inner) => predicateQuery(db, inner, now))) as unknown as Record<string, unknown>;
    case 'or':
      return _.or(predicate.of.map((inner) => predicateQuery(db, inner, now))) as unknown as Record<string, unknown>;
  }
}

/** The predicate as an aggregation expression (true/false) over one document. A missing field counts as null. */
export function predicateExpression(predicate: FigurePredicate, now: Date): unknown {
  const value = (field: string, otherwise: unknown = null) => ({ $ifNull: [`$${field}`, otherwise] });
  switch (predicate.kind) {
    case 'all':
      return true;
    case 'set':
      return { $ne: [value(predicate.field), null] };
    case 'eq':
      return { $eq: [value(predicate.field), predicate.value] };
    case 'in':
      return { $in: [value(predicate.field), [...predicate.values]] };
    case 'nonEmpty':
      return { $gt: [{ $size: value(predicate.field, []) }, 0] };
    case 'positive':
      return { $gt: [value(predicate.field, 0), 0] };
    case 'pastDue':
      return { $and: [{ $ne: [value(predicate.field), null] }, { $lt: [`$${predicate.field}`, now] }] };
    case 'and':
      return { $and: predicate.of.map((inner) => predicateExpression(inner, now)) };
    case 'or':
      return { $or: predicate.of.map((inner) => predicateExpression(inner, now)) };
  }
}

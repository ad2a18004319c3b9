/**
 * `$in` over a list of strings is answered from one set per query (runtime/database/semantics.ts);
 * every other list keeps mingo's own. Both must match exactly what MongoDB's `$in` matches.
 */
import { Context } from 'mingo/core';
import * as queryOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';
import { compileMatcher } from '../../../runtime/database/semantics';
import type { Document } from '../../../runtime/database/ejson';

const DOCS: Document[] = [
  { _id: 'd1', stationIds: ['s1', 's2'], status: 'booked', owner: { ids: ['o1'] } },
  { _id: 'd2', stationIds: ['s3'], status: 'waiting', owner: { ids: [] } },
  { _id: 'd3', stationIds: [], status: 'cancelled' },
  { _id: 'd4', status: null, stationIds: [['s1']], items: [{ code: 'a' }, { code: 'b' }] },
  { _id: 'd5', stationIds: 's2', status: 7, items: [{ code: 'c' }] },
  { _id: 'd6', status: new Date('2026-01-01T00:00:00Z') },
];

const matching = (criteria: Document) => DOCS.filter(compileMatcher(criteria)).map((doc) => doc._id);
// mingo as it stands, without the runtime's operators: the reference for every case below.
const MINGO = { context: Context.init({ query: queryOperators }), idKey: '_id' };
const reference = (criteria: Document) => DOCS.filter((doc) => new Query(criteria, MINGO).test(doc)).map((doc) => doc._id);

test.each<[string, Document, string[]]>([
  ['an array field holding one of the values', { stationIds: { $in: ['s2', 's9'] } }, ['d1', 'd5']],
  ['a scalar field equal to one of them', { status: { $in: ['booked', 'waiting'] } }, ['d1', 'd2']],
  ['a path through a document into an array', { 'owner.ids': { $in: ['o1', 'o2'] } }, ['d1']],
  ['a path through an array of documents', { 'items.code': { $in: ['b', 'c'] } }, ['d4', 'd5']],
  ['nothing for a missing field, null, a number, a date or a nested array', { status: { $in: ['x', 'y'] } }, []],
  ['nested arrays are not searched, as in MongoDB', { stationIds: { $in: ['s1', 'zz'] } }, ['d1']],
  ['null in the list: missing and null fields (mingo decides)', { status: { $in: [null, 'booked'] } }, ['d1', 'd4']],
  ['numbers and dates in the list (mingo decides)', { status: { $in: [7, new Date('2026-01-01T00:00:00Z')] } }, ['d5', 'd6']],
  ['a regular expression in the list (mingo decides)', { status: { $in: [/^wait/, 'cancelled'] } }, ['d2', 'd3']],
  ['$nin keeps its meaning', { status: { $nin: ['booked', 'waiting'] } }, ['d3', 'd4', 'd5', 'd6']],
])('%s', (_name, criteria, expected) => {
  expect(matching(criteria)).toEqual(expected);
  expect(matching(criteria)).toEqual(reference(criteria));
});

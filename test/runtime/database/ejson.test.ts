/**
 * The runtime writes every answered document as canonical EJSON by hand (runtime/database/ejson.ts);
 * the SDK reads it with bson. Whatever the document holds, the text must be bson's own.
 */
import { Binary, Decimal128, EJSON, Long, ObjectId } from 'bson';
import { stringifyEjson } from '../../../runtime/database/ejson';

const bsonText = (value: unknown) => EJSON.stringify(value as never, { relaxed: false });

test.each([
  ['int32 bounds', [0, 1, -1, 2147483647, -2147483648]],
  ['beyond int32 and doubles', [2147483648, -2147483649, 1.5, -0, 0.1, 1e21, 5e-324, 2 ** 53 + 2, NaN, Infinity, -Infinity]],
  ['dates', [new Date(0), new Date('2026-03-01T08:00:00+08:00'), new Date(-86_400_000), new Date(8.64e15), new Date(NaN)]],
  ['strings', ['', '联络站接待记录', 'quote " backslash \\ newline \n tab \t', '\u2028\u2029\u0000', '😀']],
  ['other BSON values', [/a.b/i, new ObjectId('64b7f0c2a1b2c3d4e5f60718'), Long.fromString('9007199254740993'), Decimal128.fromString('1.10'), new Binary(Buffer.from('hi'))]],
  ['empty containers and holes', [[], {}, [undefined, null, 1], { gone: undefined, kept: null }]],
  ['keys that look like operators', [{ $numberInt: 'x' }, { 'a.b': 1, '': 2, '"': 3 }]],
])('%s are written as bson writes them', (_label, values) => {
  for (const value of values) expect(stringifyEjson(value)).toBe(bsonText(value));
});

test('a stored document with nesting, arrays of documents and every common type is written as bson writes it', () => {
  const doc = {
    _id: 'op-000001',
    authorOpenid: 'o-resident-1',
    status: 'handling',
    rating: { score: 5, comment: '满意', at: new Date('2026-02-03T04:05:06.789Z') },
    timeline: [
      { kind: 'submitted', at: new Date('2026-01-01T00:00:00Z'), by: null },
      { kind: 'accepted', at: new Date('2026-01-02T00:00:00Z'), note: '已受理', weight: 0.25 },
    ],
    tags: ['交通', '教育'],
    location: { type: 'Point', coordinates: [114.305539, 30.593099] },
    counts: { views: 0, big: 3_000_000_000 },
    flags: [true, false],
  };
  expect(stringifyEjson(doc)).toBe(bsonText(doc));
  expect(EJSON.parse(stringifyEjson(doc), { relaxed: true })).toEqual(doc);
});

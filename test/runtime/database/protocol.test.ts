/**
 * Pins the exact request bodies @cloudbase/node-sdk 3.18.3 (@cloudbase/database 1.4.3) sends, which
 * runtime/database/protocol.ts reads. If an SDK upgrade changes the wire, this fails first and says how.
 */
import { COLLECTIONS, DATABASE } from '../../../infra/database';
import { useHarness } from './sdk-harness';

const h = useHarness(DATABASE, 'all');
beforeAll(async () => {
  await h.db.collection(COLLECTIONS.accounts).add({ _id: 'x', n: 1 });
});

const TOKEN_FIELDS = ['wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken'];

/** Runs one SDK call and returns the body it sent, without the envName and the (empty) token fields. */
async function sent(call: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const before = h.requests.length;
  await call().catch(() => undefined);
  expect(h.requests.length).toBe(before + 1);
  const { envName, ...body } = h.requests[before];
  expect(envName).toBe('local-test');
  for (const field of TOKEN_FIELDS) {
    expect(body[field]).toBe('');
    delete body[field];
  }
  return body;
}

const accounts = () => h.db.collection(COLLECTIONS.accounts);
/** The request the SDK sends about the accounts collection: the action, how it is queried, the rest of its fields. */
const onAccounts = (action: string, queryType: 'WHERE' | 'DOC', fields: Record<string, unknown> = {}) => ({
  action: `database.${action}`,
  collectionName: 'accounts',
  queryType,
  ...fields,
});

test('add(): one EJSON string per document, canonical numbers, dates, regexes, serverDate', async () => {
  const body = await sent(() => accounts().add({ name: 'a', n: 1, ratio: 1.5, at: new Date(0), pattern: /x/i, created: h.db.serverDate() }));
  expect(body).toEqual({
    action: 'database.insertDocument',
    collectionName: 'accounts',
    data: [
      '{"name":"a","n":{"$numberInt":"1"},"ratio":{"$numberDouble":"1.5"},"at":{"$date":{"$numberLong":"0"}},' +
        '"pattern":{"$regularExpression":{"pattern":"x","options":"i"}},"created":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}}}',
    ],
  });
  const batch = await sent(() => accounts().add([{ k: 'a' }, { k: 'b' }]));
  expect(batch.data).toEqual(['{"k":"a"}', '{"k":"b"}']);
});

test('where().orderBy().skip().limit().field().get(): WHERE query with order, offset, limit, projection', async () => {
  const _ = h.db.command;
  const body = await sent(() =>
    accounts()
      .where({ n: _.gt(1), profile: { city: '北京' }, tag: h.db.RegExp({ regexp: '^a', options: 'i' }) })
      .orderBy('n', 'desc')
      .orderBy('name', 'asc')
      .skip(5)
      .limit(10)
      .field({ name: true, secret: false })
      .get(),
  );
  expect(body).toEqual(
    onAccounts('getDocument', 'WHERE', {
      query: '{"n":{"$gt":{"$numberInt":"1"}},"tag":{"$regularExpression":{"pattern":"^a","options":"i"}},"profile.city":"北京"}',
      order: '{"n":{"$numberInt":"-1"},"name":{"$numberInt":"1"}}',
      offset: 5,
      limit: 10,
      projection: '{"name":{"$numberInt":"1"},"secret":{"$numberInt":"0"}}',
    }),
  );
});

test('get() without limit asks for 100; doc(id).get() is a DOC query on _id', async () => {
  expect(await sent(() => accounts().get())).toEqual(onAccounts('getDocument', 'WHERE', { limit: 100 }));
  expect(await sent(() => accounts().doc('x').get())).toEqual(onAccounts('getDocument', 'DOC', { query: '{"_id":"x"}', multi: false }));
});

test('logic commands: _.or / _.and / _.exists / _.in', async () => {
  const _ = h.db.command;
  const body = await sent(() =>
    accounts()
      .where(_.or([{ n: _.in([1, 2]) }, { gone: _.exists(false) }]))
      .count(),
  );
  expect(body).toEqual(onAccounts('calculateDocument', 'WHERE', { query: '{"$or":[{"n":{"$in":[{"$numberInt":"1"},{"$numberInt":"2"}]}},{"gone":{"$exists":false}}]}' }));
  const and = await sent(() =>
    accounts()
      .where({ n: _.gte(1).and(_.lt(5)) })
      .get(),
  );
  expect(and.query).toBe('{"$and":[{"n":{"$gte":{"$numberInt":"1"}}},{"n":{"$lt":{"$numberInt":"5"}}}]}');
});

test('doc(id).update(): operators, with plain fields flattened into $set', async () => {
  const _ = h.db.command;
  const body = await sent(() =>
    accounts()
      .doc('x')
      .update({
        profile: { city: '上海' },
        n: _.inc(2),
        list: _.push({ each: [1], position: 0, slice: 3 }),
        front: _.unshift('a'),
        head: _.shift(),
        tail: _.pop(),
        tags: _.addToSet({ each: ['t'] }),
        gone: _.remove(),
        seen: h.db.serverDate({ offset: 1000 }),
      }),
  );
  expect(body).toEqual({
    action: 'database.modifyDocument',
    collectionName: 'accounts',
    queryType: 'DOC',
    query: '{"_id":"x"}',
    multi: false,
    merge: true,
    upsert: false,
    data:
      '{"$inc":{"n":{"$numberInt":"2"}},' +
      '"$push":{"list":{"$each":[{"$numberInt":"1"}],"$position":{"$numberInt":"0"},"$slice":{"$numberInt":"3"}},"front":{"$each":["a"],"$position":{"$numberInt":"0"}}},' +
      '"$pop":{"head":{"$numberInt":"-1"},"tail":{"$numberInt":"1"}},' +
      '"$addToSet":{"tags":{"each":["t"]}},' +
      '"$unset":{"gone":""},' +
      '"$set":{"seen":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}},"profile.city":"上海"}}',
  });
});

test('where().update() is multi; doc(id).set() replaces with merge false and upsert true', async () => {
  const multi = await sent(() => accounts().where({ n: 1 }).update({ n: 2 }));
  expect(multi).toEqual(
    onAccounts('modifyDocument', 'WHERE', { query: '{"n":{"$numberInt":"1"}}', multi: true, merge: true, upsert: false, data: '{"$set":{"n":{"$numberInt":"2"}}}' }),
  );
  const set = await sent(() =>
    accounts()
      .doc('x')
      .set({ profile: { city: '上海' }, n: 3 }),
  );
  expect(set).toEqual(
    onAccounts('modifyDocument', 'DOC', { query: '{"_id":"x"}', multi: false, merge: false, upsert: true, data: '{"profile":{"city":"上海"},"n":{"$numberInt":"3"}}' }),
  );
});

test('remove(): where() is multi, doc(id) is not', async () => {
  expect(await sent(() => accounts().where({ n: 9 }).remove())).toEqual(onAccounts('removeDocument', 'WHERE', { query: '{"n":{"$numberInt":"9"}}', multi: true }));
  expect(await sent(() => accounts().doc('nope').remove())).toEqual(onAccounts('removeDocument', 'DOC', { query: '{"_id":"nope"}', multi: false }));
});

test('aggregate(): stages as { stageKey, stageValue } with EJSON values, the lookup pipeline nested', async () => {
  const _ = h.db.command;
  const $ = _.aggregate;
  const body = await sent(() =>
    accounts()
      .aggregate()
      .match({ n: _.gt(0) })
      .lookup({
        from: 'deputies',
        let: { id: '$_id' },
        pipeline: $.pipeline()
          .match(_.expr($.eq(['$owner', '$$id'])))
          .done(),
        as: 'owned',
      })
      .group({ _id: '$k', total: $.sum('$n') })
      .limit(5)
      .end(),
  );
  expect(body).toEqual({
    action: 'database.aggregateDocuments',
    collectionName: 'accounts',
    stages: [
      { stageKey: '$match', stageValue: '{"n":{"$gt":{"$numberInt":"0"}}}' },
      {
        stageKey: '$lookup',
        stageValue: '{"from":"deputies","let":{"id":"$_id"},"pipeline":[{"$match":{"$expr":{"$eq":["$owner","$$id"]}}}],"as":"owned"}',
      },
      { stageKey: '$group', stageValue: '{"_id":"$k","total":{"$sum":"$n"}}' },
      { stageKey: '$limit', stageValue: '5' },
    ],
  });
});

test('transactions: startTransaction carries nothing but the action', async () => {
  expect(await sent(() => h.db.startTransaction())).toEqual({ action: 'database.startTransaction' });
});

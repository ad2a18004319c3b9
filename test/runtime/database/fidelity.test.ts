/**
 * Where CloudBase's answers differ from what the query library underneath gives by itself, the
 * runtime answers like CloudBase (the behaviour Tencent's node-sdk database tests assert).
 */
import type { CollectionSpec } from '../../../infra/database';
import { startHarness, type Harness } from './sdk-harness';

const SAMPLES: CollectionSpec = { name: 'samples', indexes: [], rule: { read: false, write: false } };

let h: Harness;
beforeEach(async () => {
  h = await startHarness([SAMPLES]);
});
afterEach(async () => {
  await h.close();
});

const samples = () => h.db.collection(SAMPLES.name);
const kinds = (docs: Array<Record<string, unknown>>) => docs.map((doc) => doc.kind);

test('elemMatch on sub-document fields looks only at elements that are documents', async () => {
  const _ = h.db.command;
  await samples().add([
    { kind: 'numbers', tags: [1, 3, 5] },
    { kind: 'strings', tags: ['Go', 'JS'] },
    { kind: 'documents', tags: [{ value: 3 }, { value: -1 }] },
  ]);
  const onField = await samples()
    .where({ tags: _.elemMatch({ value: _.gt(0) }) })
    .get();
  expect(kinds(onField.data)).toEqual(['documents']);
  const fieldExists = await samples()
    .where({ tags: _.elemMatch({ value: _.exists(true) }) })
    .get();
  expect(kinds(fieldExists.data)).toEqual(['documents']);
  const onElement = await samples()
    .where({ tags: _.elemMatch(_.gt(2)) })
    .get();
  expect(kinds(onElement.data)).toEqual(['numbers']);
});

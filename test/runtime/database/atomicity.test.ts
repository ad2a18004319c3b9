/**
 * The capacity guard CloudBase apps rely on instead of transactions: a conditional update is atomic,
 * so concurrent bookings never take more seats than there are.
 */
import { COLLECTIONS, DATABASE } from '../../../infra/database';
import { useHarness } from './sdk-harness';

const h = useHarness(DATABASE, 'all');

test('200 residents booking the last 10 seats at once: exactly 10 get one, seats end at 0', async () => {
  const _ = h.db.command;
  const days = h.db.collection(COLLECTIONS.receptionDays);
  await days.add({ _id: 'day-1', stationId: 's1', date: '2025-03-01', seatsLeft: 10 });

  const attempts = await Promise.all(Array.from({ length: 200 }, () => days.where({ _id: 'day-1', seatsLeft: _.gt(0) }).update({ seatsLeft: _.inc(-1) })));

  expect(attempts.filter((result) => result.updated === 1)).toHaveLength(10);
  expect(attempts.filter((result) => result.updated === 0)).toHaveLength(190);
  expect((await days.doc('day-1').get()).data[0].seatsLeft).toBe(0);
  await h.restart();
  expect((await days.doc('day-1').get()).data[0].seatsLeft).toBe(0);
});

/** The wiring a paged list page spreads into its definition: each piece asks the list for one thing. */
import { pagedListEvents, refreshList, reloadList } from '../../../miniprogram/factory/paged-list-page';

function list() {
  return { reload: jest.fn(async () => undefined), refresh: jest.fn(async () => undefined), loadMore: jest.fn(async () => undefined) };
}

test('opening reloads the list, coming back refreshes it, the bottom and 加载更多 load the next page', async () => {
  const model = list();
  await reloadList(model);
  await refreshList(model);
  await pagedListEvents.onReachBottom(model);
  await pagedListEvents.onMore(model);
  expect(model.reload).toHaveBeenCalledTimes(1);
  expect(model.refresh).toHaveBeenCalledTimes(1);
  expect(model.loadMore).toHaveBeenCalledTimes(2);
});

test('a page with no list (opened without what it needs) has no next page to load', () => {
  expect(pagedListEvents.onReachBottom(null)).toBeUndefined();
  expect(pagedListEvents.onMore(null)).toBeUndefined();
});

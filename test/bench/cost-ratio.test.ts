import { costRatio, documentsShown } from '../../bench/firstScreens';

const page = (n: number) => Array.from({ length: n }, (_, i) => ({ _id: `c${i}` }));

describe('the city bench: what a first screen shows and what its cost grows by', () => {
  it('counts the records an answer lists, at any depth, and at least one', () => {
    expect(documentsShown({ items: page(3), counts: { toAccept: 3 } })).toBe(3);
    expect(documentsShown({ station: { _id: 's' }, deputies: page(2) })).toBe(2);
    expect(documentsShown({ unread: 0 })).toBe(1);
  });

  it('counts, for a page that continues, the record read past it (what tells the screen 加载更多)', () => {
    expect(documentsShown({ items: page(20), nextCursor: 'abc' })).toBe(21);
    expect(documentsShown({ items: page(20), nextCursor: null })).toBe(20);
  });

  it('a list that reads its caller and one record past a full page grows by nothing over a short demo list', () => {
    const demo = { databaseRequests: 5, documentsRead: 4, documentsAnswered: documentsShown({ items: page(3), nextCursor: null }) };
    const city = { databaseRequests: 5, documentsRead: 22, documentsAnswered: documentsShown({ items: page(20), nextCursor: 'c19' }) };
    expect(costRatio(demo, city)).toBe(1);
  });

  it('a screen that reads more than it shows on the city, or makes more requests, is a ratio above one', () => {
    const demo = { databaseRequests: 2, documentsRead: 4, documentsAnswered: 4 };
    expect(costRatio(demo, { databaseRequests: 1, documentsRead: 27, documentsAnswered: 10 })).toBe(17);
    expect(costRatio({ databaseRequests: 2, documentsRead: 2, documentsAnswered: 2 }, { databaseRequests: 3, documentsRead: 2, documentsAnswered: 2 })).toBe(1.5);
  });
});

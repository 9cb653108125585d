import { PageOf, toPage } from './pagination';

describe(toPage.name, () => {
  it('counts pages from the total', () => {
    expect(toPage(['a'], 51, { page: 3, pageSize: 25 }).meta).toEqual({
      page: 3,
      pageSize: 25,
      total: 51,
      pageCount: 3,
    });
    expect(toPage([], 0, { page: 1, pageSize: 25 }).meta.pageCount).toBe(0);
  });
});

describe(PageOf.name, () => {
  class Item {}

  it('describes a page of one item type with one class, named after the item', () => {
    expect(PageOf(Item)).toBe(PageOf(Item));
    expect(PageOf(Item).name).toBe('ItemPage');
  });
});

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { MAX_PAGE, PageOf, PageQuery, toPage } from './pagination';

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

describe(PageQuery.name, () => {
  const errorsFor = (query: Record<string, string>): string[] =>
    validateSync(plainToInstance(PageQuery, query)).map((e) => e.property);

  it('takes whole pages from 1 to MAX_PAGE and page sizes from 1 to 100', () => {
    expect(errorsFor({ page: '1', pageSize: '100' })).toEqual([]);
    expect(errorsFor({ page: String(MAX_PAGE) })).toEqual([]);
  });

  it.each([
    '1e308',
    'Infinity',
    'NaN',
    '-1',
    '0',
    '1.5',
    '',
    'abc',
    '9007199254740993',
    '0x10',
    ' 5',
    String(MAX_PAGE + 1),
  ])('refuses page=%s', (page) => {
    expect(errorsFor({ page })).toEqual(['page']);
  });
});

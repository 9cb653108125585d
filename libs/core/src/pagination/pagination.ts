import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { queryInteger } from '../http/transforms';

/** Far past any list's last page, and small enough that the row offset stays an exact integer. */
export const MAX_PAGE = 10_000;

/** Query parameters of every paginated list: `?page=1&pageSize=25`. */
export class PageQuery {
  // Bounded: `page=1e308` is an integer to IsInt, and its offset would overflow PostgreSQL's bigint.
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 25;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export class PageMeta {
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty() pageCount: number;
}

export interface Page<T> {
  items: T[];
  meta: PageMeta;
}

export function toPage<T>(items: T[], total: number, query: Pick<PageQuery, 'page' | 'pageSize'>): Page<T> {
  return {
    items,
    meta: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) },
  };
}

const pageClasses = new Map<Class<unknown>, Class<Page<unknown>>>();

/**
 * The OpenAPI shape of `Page<T>` for `@ApiOkResponse({ type: PageOf(Item) })`: `{ items: Item[], meta }`.
 * One class per item type (cached), named after it, so the document and the generated client agree.
 */
export function PageOf<T>(item: Class<T>): Class<Page<T>> {
  const existing = pageClasses.get(item);
  if (existing) return existing as Class<Page<T>>;
  class PageOfItem implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ type: PageMeta }) meta: PageMeta;
  }
  Object.defineProperty(PageOfItem, 'name', { value: `${item.name}Page` });
  pageClasses.set(item, PageOfItem);
  return PageOfItem;
}

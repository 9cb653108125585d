import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { DataCategory } from './purposes';

/**
 * How each domain module tells privacy what it holds about a person (DESIGN.md: privacy never imports
 * a domain lib). A module's holder — one small provider in libs/<lib>/src/personal-data/<lib>.holder.ts,
 * marked with @PersonalDataHolderOf('<lib>') — declares every column of its tables (exported, with its
 * data category, or excluded with a reason) and exports a person's rows with its own Kysely queries.
 * The privacy module discovers the holders (Nest's DiscoveryService) for the access export; the schema
 * test (test/privacy/personal-data-schema) checks the declarations against the migrated database.
 * Erasure and anonymisation come through the same interface next (an `eraseFor` per holder).
 */

/** One column of a held table: in the person's export (its data category), or kept out with the reason. */
export type ColumnUse = { exported: DataCategory } | { excluded: string };

/** A table a holder answers for, every column of it declared. */
export interface HeldTable {
  table: string;
  columns: Readonly<Record<string, ColumnUse>>;
}

/** Rows of one table about the person; privacy keeps only the columns declared exported. */
export interface HeldRows {
  table: string;
  rows: Array<Record<string, unknown>>;
}

/** A stored file of the person's: its storage key and its name inside the export. */
export interface HeldFile {
  key: string;
  /** A path inside the ZIP, e.g. 'applications/<id>/cv.pdf' (no leading slash, no '..'). */
  name: string;
}

export interface PersonalDataExport {
  tables: HeldRows[];
  files: HeldFile[];
}

export interface PersonalDataHolder {
  /** Every table the holder answers for, with every column declared. */
  readonly tables: readonly HeldTable[];
  /** Everything it holds that mentions the person, read on `manager` (one snapshot for the whole export). */
  exportFor(manager: EntityManager, userId: string): Promise<PersonalDataExport>;
}

/** Marks a provider as a personal-data holder; the value is the holder's name (its lib). */
export const PersonalDataHolderOf = DiscoveryService.createDecorator<string>();

/** Shorthands for declarations. */
export const exported = (category: DataCategory): ColumnUse => ({ exported: category });
export const excluded = (reason: string): ColumnUse => ({ excluded: reason });

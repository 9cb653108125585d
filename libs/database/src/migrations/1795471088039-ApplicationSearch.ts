import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Diacritic-insensitive search: "nguyen van an" finds "Nguyễn Văn An". vgbf_fold is unaccent + lower,
 * declared IMMUTABLE (unaccent with an explicit dictionary is) so an index can use it; the trigram
 * index serves LIKE '%…%' on the folded name + enterprise. unaccent and pg_trgm are trusted
 * extensions: the database owner may create them.
 */
export class ApplicationSearch1795471088039 implements MigrationInterface {
  name = 'ApplicationSearch1795471088039';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE FUNCTION vgbf_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
    await queryRunner.query(`CREATE INDEX "applications_search_idx" ON "applications" USING gin
      ((vgbf_fold(coalesce(personal->>'fullName', '') || ' ' || coalesce(enterprise->>'name', ''))) gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "applications_search_idx"`);
    await queryRunner.query(`DROP FUNCTION vgbf_fold(text)`);
  }
}

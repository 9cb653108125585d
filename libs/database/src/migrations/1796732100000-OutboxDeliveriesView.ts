import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the outbox (infrastructure) publishes the delivery state of its rows, so a module that
 * keeps the id of the email it wrote (an applicant message) shows whether it went out without naming
 * the outbox table. No payloads: those stay behind the outbox's readers (libs/outbox/src/outbox-rows.ts).
 */
export class OutboxDeliveriesView1796732100000 implements MigrationInterface {
  name = 'OutboxDeliveriesView1796732100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW "outbox_deliveries_v" AS SELECT id, queue, status, attempts, created_at, processed_at FROM outbox`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "outbox_deliveries_v"`);
  }
}

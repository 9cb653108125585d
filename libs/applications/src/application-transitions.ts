import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '@vgbf/core';
import { type EntityManager, In } from 'typeorm';
import { canTransitionApplication } from './application-lifecycle';
import { IllegalApplicationTransitionError } from './applications.errors';
import { Application, type ApplicationStatus } from './entities/application.entity';

/**
 * The one place an application's status changes: checked against the transitions table and recorded
 * in its history, inside the caller's transaction (so the change and what it causes commit together).
 */
@Injectable()
export class ApplicationTransitions {
  constructor(private readonly clock: Clock) {}

  /** Locks the application for the rest of the caller's transaction. */
  async lock(manager: EntityManager, id: string): Promise<Application> {
    const app = await manager
      .getRepository(Application)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!app) throw new NotFoundError('Application', id);
    return app;
  }

  /**
   * Locks these applications (FOR UPDATE, ascending id: lock-order.ts level 4) for the rest of the
   * caller's transaction and returns those found, for another module that changes several at once.
   */
  async lockMany(manager: EntityManager, ids: readonly string[]): Promise<Application[]> {
    if (!ids.length) return [];
    return manager
      .getRepository(Application)
      .find({ where: { id: In([...ids]) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Moves the application to `to` with any other column changes of the same step (e.g. submittedAt),
   * writing only the changed columns: the row is locked and loaded, so save()'s reload-and-diff would
   * be a wasted query.
   */
  async move(
    manager: EntityManager,
    app: Application,
    to: ApplicationStatus,
    actorId: string | null,
    reason: string | null,
    changes: Partial<Pick<Application, 'submittedAt' | 'submitIdempotencyKey'>> = {},
  ): Promise<void> {
    if (!canTransitionApplication(app.status, to)) throw new IllegalApplicationTransitionError(app.status, to);
    const from = app.status;
    const sets = ['status = $2', 'updated_at = $3'];
    const params: unknown[] = [app.id, to, this.clock.now()];
    for (const [column, value] of [
      ['submitted_at', changes.submittedAt],
      ['submit_idempotency_key', changes.submitIdempotencyKey],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    const [row] = await manager.query<Array<{ updated_at: Date }>>(
      `WITH changed AS (UPDATE applications SET ${sets.join(', ')} WHERE id = $1 RETURNING updated_at)
       SELECT updated_at FROM changed`,
      params,
    );
    Object.assign(app, changes, { status: to, ...(row ? { updatedAt: row.updated_at } : {}) });
    await manager.query(
      `INSERT INTO application_status_changes (application_id, from_status, to_status, actor_id, reason)
       VALUES ($1, $2, $3, $4, $5)`,
      [app.id, from, to, actorId, reason],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '@vgbf/core';
import { type EntityManager, In } from 'typeorm';
import { canTransitionApplication } from './application-lifecycle';
import { IllegalApplicationTransitionError } from './applications.errors';
import { changeStatus, changeStatusSubmitted } from './data-access/application-status';
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
   * Moves the application to `to` with the other column changes of the same step (the submit's time
   * and key), writing only those columns: the row is locked and loaded, so save()'s reload-and-diff
   * would be a wasted query.
   */
  async move(
    manager: EntityManager,
    app: Application,
    to: ApplicationStatus,
    actorId: string | null,
    reason: string | null,
    changes?: Pick<Application, 'submittedAt' | 'submitIdempotencyKey'>,
  ): Promise<void> {
    if (!canTransitionApplication(app.status, to)) throw new IllegalApplicationTransitionError(app.status, to);
    const from = app.status;
    const now = this.clock.now();
    const change = { id: app.id, from, to, now, actorId, reason };
    // The status and its history row in one statement (data-access/application-status.ts).
    const [row] = changes
      ? await changeStatusSubmitted(manager, { ...change, ...changes })
      : await changeStatus(manager, change);
    Object.assign(app, changes, { status: to, ...(row?.updated_at ? { updatedAt: row.updated_at } : {}) });
  }
}

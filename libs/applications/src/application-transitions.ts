import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@vgbf/core';
import type { EntityManager } from 'typeorm';
import { canTransitionApplication } from './application-lifecycle';
import { IllegalApplicationTransitionError } from './applications.errors';
import { Application, type ApplicationStatus } from './entities/application.entity';
import { ApplicationStatusChange } from './entities/application-status-change.entity';

/**
 * The one place an application's status changes: checked against the transitions table and recorded
 * in its history, inside the caller's transaction (so the change and what it causes commit together).
 */
@Injectable()
export class ApplicationTransitions {
  /** Locks the application for the rest of the caller's transaction. */
  async lock(manager: EntityManager, id: string): Promise<Application> {
    const app = await manager
      .getRepository(Application)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!app) throw new NotFoundError('Application', id);
    return app;
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
    const updated = await manager
      .createQueryBuilder()
      .update(Application)
      .set({ ...changes, status: to })
      .where({ id: app.id })
      .returning('updated_at')
      .execute();
    const [row] = updated.raw as Array<{ updated_at: Date }>;
    Object.assign(app, changes, { status: to, ...(row ? { updatedAt: row.updated_at } : {}) });
    await manager
      .getRepository(ApplicationStatusChange)
      .insert({ applicationId: app.id, fromStatus: from, toStatus: to, actorId, reason });
  }
}

import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { sendProblem } from '@vgbf/core';
import { SessionsService, sessionCredentials } from '@vgbf/identity';
import { QUEUES } from '@vgbf/queue';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const ALLOWED_ROLES = ['staff', 'admin'];

/**
 * bull-board at /admin/queues, for staff and admins only. It is a Fastify plugin, outside Nest's
 * guards, so it gets its own check of the same session: 401 for anonymous callers, 403 for others.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'VGBF queues' } },
  });
  const sessions = app.get(SessionsService);
  await app.register(async (instance: FastifyInstance) => {
    instance.addHook('onRequest', async (request, reply) => {
      const credentials = sessionCredentials(request);
      const session = credentials ? await sessions.resolve(credentials.token) : null;
      if (!session) {
        sendProblem(reply, request, {
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'Log in to continue.',
          code: 'not_authenticated',
        });
        return reply;
      }
      if (!session.roles.some((role) => ALLOWED_ROLES.includes(role))) {
        sendProblem(reply, request, {
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          detail: 'Your account may not do this.',
          code: 'not_allowed',
        });
        return reply;
      }
    });
    await instance.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}

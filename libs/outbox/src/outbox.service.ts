import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessage } from './entities/outbox-message.entity';

export interface EmailMessage {
  template: string;
  to: string;
  language: 'vi' | 'en';
  data: Record<string, string>;
}

/** Writes outbox rows inside the caller's transaction: the change and its email commit together. */
@Injectable()
export class OutboxService {
  async enqueueEmail(manager: EntityManager, email: EmailMessage): Promise<OutboxMessage> {
    return manager.getRepository(OutboxMessage).save({ queue: 'mail', payload: { ...email } });
  }
}

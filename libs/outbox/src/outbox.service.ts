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
    // insert, not save: a new row needs no persistence diffing; the generated columns still come back.
    const repo = manager.getRepository(OutboxMessage);
    const values = { queue: 'mail', payload: { ...email } };
    const { generatedMaps } = await repo.insert(values);
    return repo.create({ ...values, ...generatedMaps[0] });
  }
}

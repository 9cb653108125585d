import { Module } from '@nestjs/common';
import { ConfigModule } from '@vgbf/config';
import { Clock, LoggingModule } from '@vgbf/core';
import { DatabaseModule } from '@vgbf/database';
import { MailModule } from '@vgbf/mail';
import { OutboxModule } from '@vgbf/outbox';
import { QueueModule } from '@vgbf/queue';
import { MailProcessor } from './mail.processor';
import { OutboxRelayProcessor } from './outbox-relay.processor';

/** The worker process: BullMQ processors and job schedulers, no HTTP. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule.forRoot('worker'),
    DatabaseModule.forRoot(),
    QueueModule.forRoot(),
    OutboxModule,
    MailModule,
  ],
  providers: [Clock, MailProcessor, OutboxRelayProcessor],
})
export class WorkerModule {}

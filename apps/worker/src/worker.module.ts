import { Module } from '@nestjs/common';
import { ConfigModule } from '@vgbf/config';
import { Clock, LoggingModule } from '@vgbf/core';
import { DatabaseModule } from '@vgbf/database';
import { QueueModule } from '@vgbf/queue';

/** The worker process: BullMQ processors and job schedulers, no HTTP. */
@Module({
  imports: [ConfigModule, LoggingModule.forRoot('worker'), DatabaseModule.forRoot(), QueueModule.forRoot()],
  providers: [Clock],
})
export class WorkerModule {}

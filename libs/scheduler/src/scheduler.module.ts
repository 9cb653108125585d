import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ScheduledJobRun } from './entities/scheduled-job-run.entity';
import { ScheduledJobRunner } from './scheduled-job-runner';
import { SchedulerRegistry } from './scheduler-registry';

/**
 * The registry of scheduled jobs (declared with @Scheduled anywhere in the application) and the
 * runner that runs each once per period. Imported by the worker, which owns the BullMQ schedulers.
 */
@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature([ScheduledJobRun])],
  providers: [SchedulerRegistry, ScheduledJobRunner],
  exports: [SchedulerRegistry, ScheduledJobRunner],
})
export class SchedulerModule {}

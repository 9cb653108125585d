import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';

/**
 * The one Clock of a process: imported once by each root (api, worker, cli), global so every module
 * (and every test that moves time with `app.get(Clock)`) sees the same instance.
 */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { AppConfig } from '@vgbf/config';
import {
  type ScheduledJob,
  type ScheduledJobDeclaration,
  type ScheduledJobHandler,
  type ScheduledJobOptions,
  buildRegistry,
} from './scheduled-job';
import { SCHEDULED_JOB_METADATA } from './scheduled.decorator';

/**
 * Every job declared with @Scheduled in any provider of the application, found and checked once at
 * start-up: a duplicate name, a bad cron or a missing handler stops the process.
 */
@Injectable()
export class SchedulerRegistry implements OnModuleInit {
  private registry = new Map<string, ScheduledJob>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry = buildRegistry(this.discover());
  }

  /** The registered jobs, by name. */
  jobs(): ScheduledJob[] {
    return [...this.registry.values()];
  }

  get(name: string): ScheduledJob | undefined {
    return this.registry.get(name);
  }

  private discover(): ScheduledJobDeclaration[] {
    const found: ScheduledJobDeclaration[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const options = Reflect.getMetadata(SCHEDULED_JOB_METADATA, fn) as ScheduledJobOptions | undefined;
        if (!options) continue;
        found.push({
          name: options.name,
          cron: typeof options.cron === 'function' ? options.cron(this.config) : options.cron,
          handler: (fn as ScheduledJobHandler).bind(instance),
          source: `${instance.constructor.name}.${method}`,
        });
      }
    }
    return found;
  }
}

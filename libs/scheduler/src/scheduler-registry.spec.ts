import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AppConfig } from '@vgbf/config';
import type { ScheduledRun } from './scheduled-job';
import { Scheduled } from './scheduled.decorator';
import { SchedulerRegistry } from './scheduler-registry';

@Injectable()
class Reports {
  readonly runs: ScheduledRun[] = [];

  @Scheduled({ name: 'reports.weekly', cron: (config: AppConfig) => config.MAINTENANCE_CRON })
  weekly(run: ScheduledRun): Promise<{ sent: number }> {
    this.runs.push(run);
    return Promise.resolve({ sent: 3 });
  }
}

@Injectable()
class OtherReports {
  @Scheduled({ name: 'reports.weekly', cron: '0 8 * * 1' })
  weekly(): Promise<void> {
    return Promise.resolve();
  }
}

const config = Object.assign(new AppConfig(), { MAINTENANCE_CRON: '0 9 * * MON' });

async function boot(providers: Array<new (...args: never[]) => unknown>) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [SchedulerRegistry, { provide: AppConfig, useValue: config }, ...providers],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe(SchedulerRegistry.name, () => {
  it('finds @Scheduled methods in any provider, resolves a cron from the config and binds the handler', async () => {
    const moduleRef = await boot([Reports]);
    const sut = moduleRef.get(SchedulerRegistry);
    expect(sut.jobs().map((j) => [j.name, j.cron])).toEqual([['reports.weekly', '0 9 * * MON']]);

    const period = new Date('2027-01-04T02:00:00Z');
    await expect(sut.get('reports.weekly')?.handler({ name: 'reports.weekly', period })).resolves.toEqual({ sent: 3 });
    expect(moduleRef.get(Reports).runs).toEqual([{ name: 'reports.weekly', period }]);
    await moduleRef.close();
  });

  it('refuses to start when two handlers claim one job name', async () => {
    await expect(boot([Reports, OtherReports])).rejects.toThrow(
      /"reports.weekly" is declared 2 times \(Reports.weekly, OtherReports.weekly\)/,
    );
  });
});

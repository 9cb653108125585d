import { Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppConfig, loadConfig } from '@vgbf/config';
import { LOG_DESTINATION } from '@vgbf/core';
import { Scheduled, ScheduledJobRunner, type ScheduledRun } from '@vgbf/scheduler';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { CapturedLogs, type TestApp, createTestApp } from '../support/test-app';

/** A job whose handler can be made to fail, counting how often it really ran. */
@Injectable()
class ProbeJobs {
  calls = 0;
  failNext = false;

  @Scheduled({ name: 'test.probe', cron: '0 0 1 1 *' })
  async probe(_run: ScheduledRun): Promise<{ call: number }> {
    this.calls += 1;
    await new Promise((r) => setTimeout(r, 100)); // long enough for a concurrent claim to overlap
    if (this.failNext) {
      this.failNext = false;
      throw new Error('SMTP relay unreachable');
    }
    return { call: this.calls };
  }
}

describe(ScheduledJobRunner.name, () => {
  let t: TestApp;
  let worker: TestingModule;
  let jobs: ProbeJobs;
  let sut: ScheduledJobRunner;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await Test.createTestingModule({ imports: [WorkerModule], providers: [ProbeJobs] })
      .overrideProvider(LOG_DESTINATION)
      .useValue(new CapturedLogs())
      .overrideProvider(AppConfig)
      .useValue(loadConfig({ ...process.env, ...t.env }))
      .compile();
    await worker.init();
    jobs = worker.get(ProbeJobs);
    sut = worker.get(ScheduledJobRunner);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  const runs = (period: Date) =>
    t.db.query(
      `SELECT outcome, attempts, result, error FROM scheduled_job_runs WHERE job_name = 'test.probe' AND period = $1`,
      [period],
    );

  it('runs the handler once when two workers claim the same period at the same moment', async () => {
    const period = new Date('2027-01-01T00:00:00+07:00');
    const statuses = await Promise.all([sut.run('test.probe', period), sut.run('test.probe', period)]);
    expect(statuses.sort()).toEqual(['ran', 'skipped']);
    expect(jobs.calls).toBe(1);
    expect(await runs(period)).toEqual([{ outcome: 'succeeded', attempts: 1, result: { call: 1 }, error: null }]);
  });

  it('records a failure, lets the retry of that period run again, and never repeats a success', async () => {
    const period = new Date('2028-01-01T00:00:00+07:00');
    const before = jobs.calls;
    jobs.failNext = true;
    await expect(sut.run('test.probe', period)).rejects.toThrow('SMTP relay unreachable');
    expect(await runs(period)).toEqual([
      { outcome: 'failed', attempts: 1, result: null, error: expect.stringContaining('SMTP relay unreachable') },
    ]);

    expect(await sut.run('test.probe', period)).toBe('ran');
    expect(await sut.run('test.probe', period)).toBe('skipped');
    expect(jobs.calls - before).toBe(2);
    expect(await runs(period)).toEqual([
      { outcome: 'succeeded', attempts: 2, result: { call: before + 2 }, error: null },
    ]);
  });
});

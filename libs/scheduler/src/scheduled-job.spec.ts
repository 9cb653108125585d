import { SchedulerDefinitionError, buildRegistry, isCronPattern, periodOf } from './scheduled-job';

const handler = () => Promise.resolve();

describe(buildRegistry.name, () => {
  it('registers each declared job by name with its cron and handler', () => {
    const registry = buildRegistry([
      { name: 'maintenance.purge-auth', cron: '30 3 * * *', handler, source: 'A.a' },
      { name: 'reports.weekly', cron: ' 0 8 * * MON ', handler, source: 'B.b' },
    ]);
    expect([...registry.keys()]).toEqual(['maintenance.purge-auth', 'reports.weekly']);
    expect(registry.get('reports.weekly')).toEqual({ name: 'reports.weekly', cron: '0 8 * * MON', handler });
  });

  it('refuses a name declared twice, naming both places', () => {
    expect(() =>
      buildRegistry([
        { name: 'reminders.due', cron: '0 8 * * *', handler, source: 'Milestones.remind' },
        { name: 'reminders.due', cron: '0 9 * * *', handler, source: 'Sessions.remind' },
      ]),
    ).toThrow(/"reminders.due" is declared 2 times \(Milestones.remind, Sessions.remind\)/);
  });

  it('refuses a schedule without a handler and a bad cron, listing every problem at once', () => {
    let error: unknown;
    try {
      buildRegistry([
        { name: 'a', cron: '0 8 * * *', handler: undefined, source: 'X.a' },
        { name: 'b', cron: 'every day', handler, source: 'X.b' },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchedulerDefinitionError);
    expect((error as Error).message).toContain('"a" (X.a) has no handler');
    expect((error as Error).message).toContain('"b" (X.b): "every day" is not a cron pattern');
  });

  it('refuses a name BullMQ keys would mangle', () => {
    expect(() => buildRegistry([{ name: 'Reports Weekly', cron: '0 8 * * 1', handler, source: 'R.w' }])).toThrow(
      /name must be lowercase/,
    );
  });
});

describe(isCronPattern.name, () => {
  it.each(['30 3 * * *', '*/2 * * * * *', '0 8 * * MON-FRI', '0 0 1,15 * *'])('accepts %s', (p) =>
    expect(isCronPattern(p)).toBe(true),
  );
  it.each(['', '* * * *', '* * * * * * *', 'daily', '30 3 * * * ;rm'])('refuses "%s"', (p) =>
    expect(isCronPattern(p)).toBe(false),
  );
});

describe(periodOf.name, () => {
  it('is the scheduled fire time the scheduler stored with the job, not the clock', () => {
    expect(periodOf({ id: 'repeat:x:1795468000000', opts: { prevMillis: 1795468000000 } })).toEqual(
      new Date(1795468000000),
    );
  });

  it('falls back to the millis in the job id', () => {
    expect(periodOf({ id: 'repeat:maintenance.purge-auth:1795468002000', opts: {} })).toEqual(new Date(1795468002000));
  });

  it('is undefined for a job no scheduler made', () => {
    expect(periodOf({ id: '42', opts: {} })).toBeUndefined();
  });
});

import { QueryFailedError } from 'typeorm';
import { inLockOrder } from './lock-order';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs, sqlState } from './retry-policy';

const pgError = (code: string): Error => Object.assign(new Error(`pg ${code}`), { code });

describe(isRetryable.name, () => {
  it('retries deadlocks (40P01) and serialization failures (40001), wrapped by TypeORM or not', () => {
    expect(isRetryable(pgError('40P01'))).toBe(true);
    expect(isRetryable(new QueryFailedError('UPDATE x', [], pgError('40001')))).toBe(true);
    expect(sqlState(new QueryFailedError('UPDATE x', [], pgError('40P01')))).toBe('40P01');
  });

  it.each([pgError('23505'), pgError('40P02'), new Error('domain'), null, 'text'])('does not retry %p', (error) =>
    expect(isRetryable(error)).toBe(false),
  );
});

describe(retryDelayMs.name, () => {
  it('waits between half and all of an exponential ceiling, capped', () => {
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, () => 0)).toBe(10);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, () => 0.999)).toBe(20);
    expect(retryDelayMs(3, DEFAULT_RETRY_POLICY, () => 0)).toBe(40);
    expect(retryDelayMs(20, DEFAULT_RETRY_POLICY, () => 0.999)).toBe(500);
  });
});

describe(inLockOrder.name, () => {
  it('sorts locks by level (advisory, cohorts, …, fellows), then by key, whatever order they are listed in', () => {
    const fellows = { table: 'fellows' as const, ids: ['f2', 'f1'] };
    const cohort = { table: 'cohorts' as const, ids: ['c1'] };
    expect(inLockOrder([fellows, { advisory: 'z' }, cohort, { advisory: 'a' }])).toEqual([
      { advisory: 'a' },
      { advisory: 'z' },
      cohort,
      fellows,
    ]);
  });
});

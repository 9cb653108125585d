import { API_MAIN, runCompiled } from './compiled';

describe('Starting the API with an invalid configuration', () => {
  it('exits non-zero naming the bad variable, before listening', () => {
    const result = runCompiled(API_MAIN, [], { API_PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toMatch(/API_PORT: must be an integer port number \(got "abc"\)/);
    expect(result.stderr).toMatch(/LOG_LEVEL: /);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses to start in production without explicit service URLs, naming them', () => {
    const result = runCompiled(API_MAIN, [], {
      NODE_ENV: 'production',
      DATABASE_URL: '',
      REDIS_URL: '',
      SMTP_URL: '',
      PUBLIC_URL: '',
    });
    expect(result.status).toBe(1);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'PUBLIC_URL']) expect(result.stderr).toContain(name);
  });
});

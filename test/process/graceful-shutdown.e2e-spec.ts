import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { API_MAIN } from './compiled';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('API process shutdown', () => {
  it('on SIGTERM finishes the request in flight, closes its pools and exits by itself', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [API_MAIN], {
      env: { ...process.env, API_PORT: String(port), LOG_LEVEL: 'warn', SHUTDOWN_TIMEOUT_MS: '8000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if ((await fetch(`${base}/health/ready`).catch(() => null))?.ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // A request that is in flight when SIGTERM arrives still gets its answer. "In flight" is made
    // certain, not left to timing (on a loaded machine a request sent 5 ms before the signal may not
    // have been read yet, and a request arriving after it rightly gets 503): the headers and half the
    // body go first, the signal once the server has surely read the headers, then the rest of the body.
    const body = JSON.stringify({ email: 'nobody@example.vn', password: 'not a real password' });
    const req = request(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const inFlight = new Promise<{ status: number }>((resolve, reject) => {
      req.once('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      });
      req.once('error', reject);
    });
    req.flushHeaders();
    req.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 500));
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 50));
    req.end(body.slice(10));
    expect((await inFlight).status).toBe(401);
    const { code, signal } = await exited;
    expect(stderr).toBe('');
    // Nest re-raises the signal after closing, so the exit is the conventional one for SIGTERM (143), not the backstop's 1.
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    // It closed its pools and connections rather than waiting for the backstop timer.
    expect(Date.now() - signalledAt).toBeLessThan(8000);
  }, 30_000);
});

import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '@vgbf/config';
import { type Policy, type Role } from '@vgbf/core';
import type { SessionsService } from '../sessions.service';
import { AuthGuard, CSRF_COOKIE, SESSION_COOKIE, csrfTokenFor } from './auth.guard';

interface FakeRequest {
  method: string;
  id: string;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  user?: unknown;
}

function context(request: FakeRequest): ExecutionContext {
  return {
    getHandler: () => function handler() {},
    getClass: () => class SomeController {},
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ setCookie: () => undefined }) }),
  } as unknown as ExecutionContext;
}

describe(AuthGuard.name, () => {
  let policy: Policy | undefined;
  let roles: Role[];
  let sut: AuthGuard;
  const resolve = jest.fn();

  beforeEach(() => {
    policy = undefined;
    roles = ['applicant'];
    resolve
      .mockReset()
      .mockImplementation((token: string) =>
        Promise.resolve(token === 'good' ? { sessionId: 's1', userId: 'u1', roles } : null),
      );
    const reflector = { getAllAndOverride: () => policy } as unknown as Reflector;
    sut = new AuthGuard(
      reflector,
      { resolve } as unknown as SessionsService,
      {
        isProduction: false,
      } as unknown as AppConfig,
    );
  });

  const request = (over: Partial<FakeRequest> = {}): FakeRequest => ({
    method: 'GET',
    id: 'req-1',
    headers: {},
    cookies: {},
    ...over,
  });

  it('refuses a route that declares no policy', async () => {
    await expect(sut.canActivate(context(request()))).rejects.toThrow(/declares no access policy/);
  });

  it('lets anyone through a public route, and still identifies a signed-in caller', async () => {
    policy = { kind: 'public' };
    const req = request({ headers: { authorization: 'Bearer good' } });
    await expect(sut.canActivate(context(req))).resolves.toBe(true);
    expect(req.user).toMatchObject({ id: 'u1', via: 'bearer', requestId: 'req-1' });
  });

  it('answers 401 without a live session and 403 without a required role', async () => {
    policy = { kind: 'roles', roles: ['staff'] };
    await expect(
      sut.canActivate(context(request({ headers: { authorization: 'Bearer revoked' } }))),
    ).rejects.toMatchObject({
      code: 'not_authenticated',
    });
    await expect(
      sut.canActivate(context(request({ headers: { authorization: 'Bearer good' } }))),
    ).rejects.toMatchObject({
      code: 'not_allowed',
    });
    roles = ['mentor', 'staff'];
    await expect(sut.canActivate(context(request({ headers: { authorization: 'Bearer good' } })))).resolves.toBe(true);
  });

  it("requires this session's CSRF token on cookie-authenticated writes only", async () => {
    policy = { kind: 'authenticated' };
    const mine = csrfTokenFor('good');
    const cookies = { [SESSION_COOKIE]: 'good', [CSRF_COOKIE]: mine };
    await expect(sut.canActivate(context(request({ method: 'GET', cookies })))).resolves.toBe(true);
    await expect(sut.canActivate(context(request({ method: 'POST', cookies })))).rejects.toMatchObject({
      code: 'csrf_token_missing',
    });
    // Another session's pair (its cookie and header agree with each other) is refused.
    const theirs = csrfTokenFor('another session');
    await expect(
      sut.canActivate(
        context(
          request({
            method: 'POST',
            cookies: { [SESSION_COOKIE]: 'good', [CSRF_COOKIE]: theirs },
            headers: { 'x-csrf-token': theirs },
          }),
        ),
      ),
    ).rejects.toMatchObject({ code: 'csrf_token_missing' });
    await expect(
      sut.canActivate(context(request({ method: 'POST', cookies, headers: { 'x-csrf-token': mine } }))),
    ).resolves.toBe(true);
    await expect(
      sut.canActivate(context(request({ method: 'POST', headers: { authorization: 'Bearer good' } }))),
    ).resolves.toBe(true);
  });
});

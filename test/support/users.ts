import type { Role } from '@vgbf/core';
import { AccountsService } from '@vgbf/identity';
import { ConsentRecorder, PURPOSES } from '@vgbf/personal-data';
import type { TestApp } from './test-app';
import { uniqueEmail } from './inbox';

export const TEST_PASSWORD = 'Huế cố đô mộng mơ 2027';

export interface SignedIn {
  id: string;
  email: string;
  bearer: string;
  /** `vgbf_session=…; vgbf_csrf=…` for cookie-authenticated requests. */
  cookie: string;
  csrf: string;
}

/** Factory: a verified account with these roles, signed in through the real login endpoint. */
export async function signIn(t: TestApp, roles: Role[], label = roles.join('-') || 'user'): Promise<SignedIn> {
  const email = uniqueEmail(label);
  const user = await t.app
    .get(AccountsService)
    .createVerifiedUser({ email, fullName: `Test ${label}`, roles, language: 'en', password: TEST_PASSWORD });
  // People who apply or take part in the programme consent to every purpose, as on the registration form
  // (the consent gates have their own tests: test/privacy).
  if (roles.includes('applicant') || roles.includes('fellow'))
    await t.app.get(ConsentRecorder).give(user.id, PURPOSES, { channel: 'registration', userAgent: 'test-support' });
  const res = await t.http.post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD });
  if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('vgbf_csrf='))?.slice('vgbf_csrf='.length) ?? '';
  return { id: user.id, email, bearer: `Bearer ${res.body.token as string}`, cookie: cookies.join('; '), csrf };
}

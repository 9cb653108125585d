import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type APIResponse, expect } from '@playwright/test';
import { APPLICANT_CONSENTS, type TestUser, bearer, linkFromInbox, linksFromInbox, pdf, uniqueEmail } from './support';

/** What the committee browser test sets up through the API: not the point of the test, so made fast. */

export type Headers = { authorization: string };

async function expectStatus(response: APIResponse, status: number): Promise<APIResponse> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return response;
}

/** Runs `fn` on every item, at most `size` at a time, and returns the results in order. */
export async function inBatches<T, R>(items: T[], size: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

export interface Reviewer extends TestUser {
  id: string;
}

/** A reviewer invited by staff who accepted through the emailed link, as a new committee member does. */
export async function invitedReviewer(request: APIRequestContext, staff: Headers, fullName: string): Promise<Reviewer> {
  const user = { email: uniqueEmail('reviewer'), password: 'hội đồng công tâm 2027', fullName };
  const invited = await expectStatus(
    await request.post('/api/v1/invitations', {
      headers: staff,
      data: { email: user.email, fullName, roles: ['reviewer'], language: 'en' },
    }),
    201,
  );
  const token = new URL(await linkFromInbox(user.email, 'accept-invitation')).searchParams.get('token');
  await expectStatus(
    await request.post('/api/v1/auth/accept-invitation', { data: { token, password: user.password } }),
    204,
  );
  return { ...user, id: ((await invited.json()) as { id: string }).id };
}

export interface CandidateSpec {
  gender: 'female' | 'male';
  province: string;
  hubs: string[];
}

export interface Applicant extends TestUser {
  enterprise: string;
  applicationId: string;
  headers: Headers;
}

function sections(spec: CandidateSpec, fullName: string, enterprise: string) {
  return {
    personal: {
      fullName,
      dateOfBirth: '1990-03-12',
      gender: spec.gender,
      province: spec.province,
      phone: '+84912345678',
      citizenship: 'VN',
    },
    enterprise: {
      name: enterprise,
      taxCode: '0101234567',
      foundingYear: 2017,
      sector: 'agriculture_food',
      employeesBand: '50-199',
      revenueBand: '50-200bn',
    },
    languages: { english: { test: 'IELTS', score: 7 } },
    hubs: { ranking: spec.hubs },
    essays: {
      // The applicant names themselves and their enterprise, as real essays do: reviewers read it redacted.
      motivation: `Tôi là ${fullName}, sáng lập ${enterprise}. Đưa nông sản Việt ra thế giới.`,
      marketEntryPlan: 'Bắt đầu với các nhà phân phối ở Singapore.',
      ambassador: 'Kết nối hợp tác xã với đối tác nước ngoài.',
    },
    referees: {
      referees: [
        { name: 'Trần Thị Mai', email: 'mai@example.vn', relation: 'Mentor' },
        { name: 'Lê Văn Nam', email: 'nam@example.vn', relation: 'Investor' },
      ],
    },
  };
}

/**
 * Applicants who registered, verified their email, filled in every section, uploaded the two PDFs
 * and submitted: each step through the API the web app uses, several applicants at a time.
 */
export async function submittedApplicants(
  request: APIRequestContext,
  cohortId: string,
  code: string,
  specs: CandidateSpec[],
): Promise<Applicant[]> {
  const users = specs.map((_, i) => ({
    email: uniqueEmail(`cand${i}`),
    password: 'cánh đồng hoa sen 2027',
    fullName: `Ứng Viên ${code} ${String(i + 1).padStart(2, '0')}`,
    enterprise: `Công ty Nông Sản ${code} ${String(i + 1).padStart(2, '0')}`,
  }));
  await inBatches(users, 8, async (user) =>
    expectStatus(
      await request.post('/api/v1/auth/register', {
        data: {
          email: user.email,
          password: user.password,
          fullName: user.fullName,
          language: 'en',
          consents: APPLICANT_CONSENTS,
        },
      }),
      202,
    ),
  );
  const links = await linksFromInbox(
    users.map((u) => u.email),
    'verify-email',
  );
  return inBatches(users, 8, async (user, i) => {
    const token = new URL(links[i]).searchParams.get('token');
    await expectStatus(await request.post('/api/v1/auth/verify-email', { data: { token } }), 204);
    const headers = await bearer(request, user);
    const started = await expectStatus(
      await request.post(`/api/v1/cohorts/${cohortId}/applications`, { headers }),
      201,
    );
    const applicationId = ((await started.json()) as { id: string }).id;
    for (const [section, body] of Object.entries(sections(specs[i], user.fullName, user.enterprise))) {
      await expectStatus(
        await request.patch(`/api/v1/applications/${applicationId}/${section}`, { headers, data: body }),
        200,
      );
    }
    for (const kind of ['cv', 'business_registration']) {
      await expectStatus(
        await request.post(`/api/v1/applications/${applicationId}/documents?kind=${kind}`, {
          headers,
          multipart: { file: { name: `${kind}.pdf`, mimeType: 'application/pdf', buffer: pdf(kind) } },
        }),
        201,
      );
    }
    const submitted = await request.post(`/api/v1/applications/${applicationId}/submit`, {
      headers: { ...headers, 'idempotency-key': randomUUID() },
    });
    expect(submitted.ok(), await submitted.text()).toBe(true);
    return { ...user, applicationId, headers };
  });
}

/** Staff move the cohort on: open → reviewing → selecting. */
export async function moveCohort(
  request: APIRequestContext,
  staff: Headers,
  cohortId: string,
  status: 'reviewing' | 'selecting',
): Promise<void> {
  await expectStatus(
    await request.post(`/api/v1/cohorts/${cohortId}/transitions`, {
      headers: staff,
      data: { status, override: true, reason: 'Test set-up: moved on before its preconditions' },
    }),
    200,
  );
}

export async function post(
  request: APIRequestContext,
  headers: Headers,
  url: string,
  data: object,
  status = 200,
): Promise<unknown> {
  return (await expectStatus(await request.post(url, { headers, data }), status)).json();
}

/** What a reviewer calls an assignment (never the applicant): from its id, as the API makes it. */
export const referenceOf = (assignment: unknown): string => (assignment as { id: string }).id.slice(0, 8).toUpperCase();

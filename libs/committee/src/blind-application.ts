import { type ApplicantIdentity, Application, REDACTED, redact, redactDeep } from '@vgbf/applications';
import { NotFoundError } from '@vgbf/core';
import type { EntityManager } from 'typeorm';
import type { BlindApplication } from './dto/review.dto';

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A neutral reference a reviewer can tell their assignments apart by: from the assignment, not the applicant. */
export const assignmentReference = (assignmentId: string): string => assignmentId.slice(0, 8).toUpperCase();

/** Everything that would name an application's applicant, for the redaction of what reviewers read. */
export async function identityOf(manager: EntityManager, app: Application): Promise<ApplicantIdentity> {
  const [user] = await manager.query<Array<{ email: string }>>(`SELECT email FROM user_contacts_v WHERE id = $1`, [
    app.applicantId,
  ]);
  const p = app.personal;
  const e = app.enterprise;
  return {
    fullName: str(p.fullName),
    email: user?.email ?? null,
    phone: str(p.phone),
    taxCode: str(e.taxCode),
    enterpriseName: str(e.name),
    websites: [str(e.website), str(e.domain)],
    referees: (app.referees ?? []).map((r) => ({ name: str(r.name), email: str(r.email) })),
  };
}

/**
 * What a reviewer reads of an application, and what staff preview: no name, contacts, referees or
 * documents, no enterprise name or tax code, and every free text redacted.
 */
export async function blindApplication(
  manager: EntityManager,
  applicationId: string,
): Promise<{ view: BlindApplication; identity: ApplicantIdentity }> {
  const app = await manager.getRepository(Application).findOneBy({ id: applicationId });
  if (!app) throw new NotFoundError('Application', applicationId);
  const identity = await identityOf(manager, app);
  const e = app.enterprise;
  const text = (value: unknown): string | null => {
    const s = str(value);
    return s === null ? null : redact(s, identity);
  };
  return {
    identity,
    view: {
      applicationId: app.id,
      enterprise: {
        sector: str(e.sector),
        foundingYear: typeof e.foundingYear === 'number' ? e.foundingYear : null,
        employeesBand: str(e.employeesBand),
        revenueBand: str(e.revenueBand),
        exportMarkets: Array.isArray(e.exportMarkets) ? (e.exportMarkets as string[]) : [],
      },
      region: app.region,
      languages: redactDeep(app.languages, identity),
      hubPreferences: app.hubPreferences,
      essays: {
        motivation: text(app.essays.motivation),
        marketEntryPlan: text(app.essays.marketEntryPlan),
        ambassador: text(app.essays.ambassador),
      },
      redactedMarker: REDACTED,
    },
  };
}

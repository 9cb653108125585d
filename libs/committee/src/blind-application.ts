import { type ApplicantIdentity, REDACTED, blindReviewSource, redact, redactDeep } from '@vgbf/applications';
import { NotFoundError } from '@vgbf/core';
import type { EntityManager } from 'typeorm';
import { hubNamesOf, namedPreferences } from './data-access/cohorts';
import type { BlindApplication } from './dto/review.dto';

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A neutral reference a reviewer can tell their assignments apart by: from the assignment, not the applicant. */
export const assignmentReference = (assignmentId: string): string => assignmentId.slice(0, 8).toUpperCase();

/**
 * What a reviewer reads of an application, and what staff preview: no name, contacts, referees or
 * documents, no enterprise name or tax code, and every free text redacted. The applications module's
 * reader gives the content apart from the identity, which serves only the redaction.
 */
export async function blindApplication(
  manager: EntityManager,
  applicationId: string,
): Promise<{ view: BlindApplication; identity: ApplicantIdentity }> {
  const source = await blindReviewSource(manager, applicationId);
  if (!source) throw new NotFoundError('Application', applicationId);
  const { content, identity } = source;
  const e = content.enterprise;
  const text = (value: unknown): string | null => {
    const s = str(value);
    return s === null ? null : redact(s, identity);
  };
  return {
    identity,
    view: {
      applicationId: content.applicationId,
      enterprise: {
        sector: str(e.sector),
        foundingYear: typeof e.foundingYear === 'number' ? e.foundingYear : null,
        employeesBand: str(e.employeesBand),
        revenueBand: str(e.revenueBand),
        exportMarkets: Array.isArray(e.exportMarkets) ? (e.exportMarkets as string[]) : [],
      },
      region: content.region,
      languages: redactDeep(content.languages, identity),
      hubPreferences: content.hubPreferences,
      hubs: namedPreferences(content.hubPreferences, content.cohortId, await hubNamesOf(manager, [content.cohortId])),
      essays: {
        motivation: text(content.essays.motivation),
        marketEntryPlan: text(content.essays.marketEntryPlan),
        ambassador: text(content.essays.ambassador),
      },
      redactedMarker: REDACTED,
    },
  };
}

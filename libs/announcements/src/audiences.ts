import type { EntityManager } from 'typeorm';
import type { Audience } from './entities/announcement.entity';

export interface AudienceMember {
  user_id: string;
  email: string;
  full_name: string;
  language: 'vi' | 'en';
}

/**
 * Who an audience of a cohort is, now: a read-only SQL read model over the owning modules' tables
 * (as reports do), so announcements import none of applications, fellows or mentoring.
 * Applicants: everyone with an application to the cohort that is not withdrawn. Fellows: active
 * fellows. Mentors: mentors of an active pair of the cohort. Deactivated accounts never.
 */
const AUDIENCE_SQL: Record<Audience, string> = {
  applicants: `SELECT DISTINCT a.applicant_id AS user_id FROM applications a WHERE a.cohort_id = $1 AND a.status <> 'withdrawn'`,
  fellows: `SELECT DISTINCT f.user_id FROM fellows f WHERE f.cohort_id = $1 AND f.status = 'active'`,
  mentors: `SELECT DISTINCT p.mentor_id AS user_id FROM pairings p WHERE p.cohort_id = $1 AND p.status = 'active'`,
};

export function audienceMembers(
  manager: EntityManager,
  cohortId: string,
  audience: Audience,
): Promise<AudienceMember[]> {
  return manager.query<AudienceMember[]>(
    `SELECT u.id AS user_id, u.email, u.full_name, u.language
       FROM (${AUDIENCE_SQL[audience]}) m JOIN users u ON u.id = m.user_id
      WHERE u.deactivated_at IS NULL
      ORDER BY u.full_name, u.id`,
    [cohortId],
  );
}

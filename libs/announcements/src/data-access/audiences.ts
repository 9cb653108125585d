import { runQuery, typedSql } from '@vgbf/database';
import type { EntityManager } from 'typeorm';
import type { Audience } from '../entities/announcement.entity';

export interface AudienceMember {
  user_id: string;
  email: string;
  full_name: string;
  language: 'vi' | 'en';
}

/**
 * Who an audience of a cohort is, now, read from the views the owning modules publish (so
 * announcements import none of applications, fellows or mentoring, and name none of their tables):
 * applicants — cohort_applicants_v (applications not withdrawn); fellows — active_fellows_v;
 * mentors — mentors of active_pairings_v. Deactivated accounts never.
 */
function audienceIds(cohortId: string, audience: Audience) {
  switch (audience) {
    case 'applicants':
      return typedSql.selectFrom('cohort_applicants_v').select('applicant_id').where('cohort_id', '=', cohortId);
    case 'fellows':
      return typedSql.selectFrom('active_fellows_v').select('user_id').where('cohort_id', '=', cohortId);
    case 'mentors':
      return typedSql.selectFrom('active_pairings_v').select('mentor_id').where('cohort_id', '=', cohortId);
  }
}

export function audienceMembers(
  manager: EntityManager,
  cohortId: string,
  audience: Audience,
): Promise<AudienceMember[]> {
  return runQuery(
    manager,
    typedSql
      .selectFrom('user_contacts_v as u')
      .select(['u.id as user_id', 'u.email', 'u.full_name', 'u.language'])
      .where('u.id', 'in', audienceIds(cohortId, audience))
      .where('u.deactivated_at', 'is', null)
      .orderBy('u.full_name')
      .orderBy('u.id')
      .$narrowType<AudienceMember>(),
  );
}

import type { ApplicationDocument } from './entities/application-document.entity';
import type { Application } from './entities/application.entity';

// The submit path reads and writes with plain SQL (it is the busiest write, benchmarked against a bare
// node:http + pg handler); these map its rows to the entity shapes the rest of the module uses.

export interface ApplicationRow {
  id: string;
  cohort_id: string;
  applicant_id: string;
  status: Application['status'];
  personal: Application['personal'];
  region: Application['region'];
  enterprise: Application['enterprise'];
  languages: Application['languages'];
  hub_preferences: string[];
  essays: Application['essays'];
  referees: Application['referees'];
  submitted_at: Date | null;
  submit_idempotency_key: string | null;
  submission_reopened_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function applicationFromRow(row: ApplicationRow): Application {
  return {
    id: row.id,
    cohortId: row.cohort_id,
    applicantId: row.applicant_id,
    status: row.status,
    personal: row.personal,
    region: row.region,
    enterprise: row.enterprise,
    languages: row.languages,
    hubPreferences: row.hub_preferences,
    essays: row.essays,
    referees: row.referees,
    submittedAt: row.submitted_at,
    submitIdempotencyKey: row.submit_idempotency_key,
    submissionReopenedUntil: row.submission_reopened_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface DocumentRow {
  id: string;
  application_id: string;
  kind: ApplicationDocument['kind'];
  filename: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  created_at: Date;
}

export function documentFromRow(row: DocumentRow): ApplicationDocument {
  return {
    id: row.id,
    applicationId: row.application_id,
    kind: row.kind,
    filename: row.filename,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    storageKey: row.storage_key,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

import type { EntityManager } from 'typeorm';
import { type DocumentRow, documentFromRow } from './application-rows';
import { cohortNames, documentRows } from './data-access/application-documents';
import type { ApplicationDocumentView } from './dto/document.dto';
import type { ApplicationDocument } from './entities/application-document.entity';

export function toDocumentView(doc: ApplicationDocument): ApplicationDocumentView {
  return {
    id: doc.id,
    kind: doc.kind,
    filename: doc.filename,
    size: doc.sizeBytes,
    uploadedAt: doc.createdAt.toISOString(),
  };
}

/** The documents of these applications, oldest first, by application id (every id present). */
export async function documentsOf(
  manager: EntityManager,
  applicationIds: string[],
): Promise<Map<string, ApplicationDocument[]>> {
  const byApplication = new Map(applicationIds.map((id) => [id, [] as ApplicationDocument[]]));
  if (applicationIds.length === 0) return byApplication;
  const rows: DocumentRow[] = await documentRows(manager, { applicationIds });
  for (const row of rows) byApplication.get(row.application_id)?.push(documentFromRow(row));
  return byApplication;
}

/** The names of these cohorts, by id: every card and PDF is titled with its cohort's name. */
export async function cohortNamesOf(manager: EntityManager, cohortIds: string[]): Promise<Map<string, string>> {
  if (cohortIds.length === 0) return new Map();
  const rows = await cohortNames(manager, { cohortIds: [...new Set(cohortIds)] });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function cohortNameOf(manager: EntityManager, cohortId: string): Promise<string> {
  return (await cohortNamesOf(manager, [cohortId])).get(cohortId) ?? '';
}

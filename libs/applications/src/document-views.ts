import { type EntityManager, In } from 'typeorm';
import type { ApplicationDocumentView } from './dto/document.dto';
import { ApplicationDocument } from './entities/application-document.entity';

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
  const docs = await manager.getRepository(ApplicationDocument).find({
    where: { applicationId: In(applicationIds) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  for (const doc of docs) byApplication.get(doc.applicationId)?.push(doc);
  return byApplication;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CohortsService } from '@vgbf/cohorts';
import { type AuthenticatedUser, Clock } from '@vgbf/core';
import { DataSource } from 'typeorm';
import { NotSubmittedError } from '../applications.errors';
import { applicantLanguage } from '../data-access/application-reads';
import { ApplicationsService } from '../applications.service';
import { renderApplicationPdf } from './application-pdf';

/** The submitted application as a PDF, for its owner and staff, in the applicant's language. */
@Injectable()
export class ApplicationPdfService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly applications: ApplicationsService,
    private readonly cohorts: CohortsService,
    private readonly clock: Clock,
  ) {}

  async render(actor: AuthenticatedUser, id: string): Promise<{ bytes: Uint8Array; filename: string }> {
    // The same read as GET /applications/:id: the owner and staff, a 404 for anyone else.
    const view = await this.applications.get(actor, id);
    if (view.status === 'draft') throw new NotSubmittedError();
    const [cohort, applicant] = await Promise.all([
      this.cohorts.get(view.cohortId),
      applicantLanguage(this.db.manager, id),
    ]);
    const language = applicant === 'en' ? 'en' : 'vi';
    const hubNames = new Map(
      cohort.hubs.map((h) => [h.code, `${(language === 'vi' && h.nameVi) || h.name} (${h.city})`]),
    );
    const bytes = await renderApplicationPdf({ view, language, hubNames, generatedAt: this.clock.now() });
    const name = typeof view.personal.fullName === 'string' ? view.personal.fullName : id;
    return { bytes, filename: `${cohort.name} - ${name}.pdf` };
  }
}

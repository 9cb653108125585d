import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, type ApplicationStatus, REGIONS, type Region } from '../entities/application.entity';
import { ApplicationDocumentView } from './document.dto';

export class FieldFlagView {
  @ApiProperty({ example: 'essays.motivation' }) field: string;
  @ApiProperty({ enum: ['over_word_limit'] }) code: 'over_word_limit';
  @ApiProperty({ example: 612 }) words: number;
  @ApiProperty({ example: 500 }) maxWords: number;
  @ApiProperty() message: string;
}

export class ApplicationView {
  @ApiProperty() id: string;
  @ApiProperty() cohortId: string;
  @ApiProperty({ example: 'VGBF 2026', description: "The cohort's name, which titles every card" }) cohortName: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: Object }) personal: Record<string, unknown>;
  @ApiProperty({ enum: REGIONS, nullable: true }) region: Region | null;
  @ApiProperty({ type: Object }) enterprise: Record<string, unknown>;
  @ApiProperty({ type: Object }) languages: Record<string, unknown>;
  @ApiProperty({ type: [String] }) hubPreferences: string[];
  @ApiProperty({ type: Object }) essays: Record<string, unknown>;
  @ApiProperty({ type: [Object] }) referees: Array<Record<string, unknown>>;
  @ApiProperty({ type: [ApplicationDocumentView], description: 'Uploaded documents, oldest first' })
  documents: ApplicationDocumentView[];
  @ApiProperty({
    type: [String],
    description: 'Fields still to fill before submitting, e.g. personal.phone or documents.cv',
  })
  missing: string[];
  @ApiProperty({
    type: [FieldFlagView],
    description: 'What the draft keeps but submission refuses (an essay over its word limit), per field',
  })
  flags: FieldFlagView[];
  @ApiProperty({ description: 'Nothing missing and nothing flagged: ready to submit' }) complete: boolean;
  @ApiProperty({ nullable: true, type: String }) submittedAt: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "Until when staff reopened this draft's submission after its cohort stopped taking them (UTC)",
  })
  submissionReopenedUntil: string | null;
  @ApiProperty() updatedAt: string;
}

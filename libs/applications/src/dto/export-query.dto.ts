import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { LABEL_LANGUAGES, type LabelLanguage } from '@vgbf/config';
import { IsIn, IsOptional } from 'class-validator';
import { ApplicationListQuery } from './staff-query.dto';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The staff list's filters, without paging: the export holds every matching application. */
export class ApplicationExportQuery extends OmitType(ApplicationListQuery, ['page', 'pageSize'] as const) {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @ApiPropertyOptional({
    enum: LABEL_LANGUAGES,
    description: "Headers and values in this language; without it, Accept-Language's; without that, Vietnamese.",
  })
  @IsOptional()
  @IsIn(LABEL_LANGUAGES)
  lang?: LabelLanguage;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: for machines — the column keys as headers and the stored codes as values (under_review, <3bn).',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  codes?: 'true' | 'false';
}

import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Public } from '@vgbf/core';
import type { FastifyReply } from 'fastify';
import { buildVocabulary, type Vocabulary } from './vocabulary';

class LabelView {
  @ApiProperty({ example: 'under_review' }) value: string;
  @ApiProperty({ example: 'Đang xét duyệt' }) vi: string;
  @ApiProperty({ example: 'Under review' }) en: string;
}

class ProvinceLabelView extends LabelView {
  @ApiProperty({ example: 'North' }) region: string;
  @ApiProperty({ example: 'ha noi', description: 'The name without diacritics, lower-case, for search' })
  search: string;
}

class VocabularyDefaultsView {
  @ApiProperty({ type: [Number], description: 'Points of a 1st, 2nd, 3rd… hub choice in placement' })
  rankWeights: number[];
}

@ApiExtraModels(LabelView)
export class VocabularyView implements Vocabulary {
  @ApiProperty({ description: 'A hash of the content; also the ETag' }) version: string;
  @ApiProperty({
    description: 'Every enumeration the API uses, each value with its Vietnamese and English label',
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: getSchemaPath(LabelView) } },
  })
  enumerations: Record<string, LabelView[]>;
  @ApiProperty({ type: [ProvinceLabelView] }) provinces: ProvinceLabelView[];
  @ApiProperty({ type: [LabelView], description: 'The template hubs (a cohort carries its own names)' })
  hubs: LabelView[];
  @ApiProperty({ type: [LabelView] }) rubricCriteria: LabelView[];
  @ApiProperty({ type: [LabelView] }) milestoneKinds: LabelView[];
  @ApiProperty({ type: [LabelView], description: 'ISO 3166-1 alpha-2 codes' }) countries: LabelView[];
  @ApiProperty({ type: [LabelView], description: 'ISO 639-1 codes' }) languages: LabelView[];
  @ApiProperty({ type: VocabularyDefaultsView }) defaults: VocabularyDefaultsView;
}

/**
 * The programme's words for every code, in Vietnamese and English, in one document the web loads
 * once: public (the application form is shown before signing in) and cacheable by its ETag.
 */
@ApiTags('vocabulary')
@Controller('vocabulary')
export class VocabularyController {
  private readonly vocabulary = buildVocabulary();
  private readonly etag = `"${this.vocabulary.version}"`;

  @Get()
  @Public()
  @ApiOperation({ summary: 'Labels of every enumeration, province, hub, country and language (vi/en)' })
  @ApiOkResponse({ type: VocabularyView })
  get(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): VocabularyView | undefined {
    void reply.header('ETag', this.etag).header('Cache-Control', 'public, max-age=300, must-revalidate');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === this.etag)) {
      void reply.status(304);
      return undefined;
    }
    return this.vocabulary;
  }
}

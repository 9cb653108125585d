import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AuthenticatedUser,
  Clock,
  CurrentUser,
  InputValidationError,
  Roles,
  attachmentDisposition,
  cleanInputOrThrow,
  toFieldErrors,
} from '@vgbf/core';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { EVIDENCE_TEXT_MAX, MilestoneView, ReviewDto, SubmitEvidenceDto, WaiveDto } from '../dto/milestone.dto';
import { receivePdfUpload } from '@vgbf/storage';
import { MAX_EVIDENCE_BYTES } from './evidence-file';
import { EvidenceService, type IncomingEvidenceFile } from './evidence.service';

/** The text fields sent with the file, checked as the JSON body would be. */
function evidenceFields(fields: Record<string, string>): SubmitEvidenceDto {
  // Multipart fields are read here, past the edge that checks JSON bodies: the same text rules apply.
  const dto = plainToInstance(SubmitEvidenceDto, cleanInputOrThrow(fields));
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  if (errors.length) throw new InputValidationError(toFieldErrors(errors));
  return dto;
}

/**
 * The request's fields `text` and `link` (before the file), then its one file part, still streaming.
 * Busboy stops passing bytes one past the limit, so an oversized file is refused by the PDF check.
 */
async function receiveEvidence(
  request: FastifyRequest,
): Promise<{ fields: SubmitEvidenceDto; file: IncomingEvidenceFile }> {
  const upload = await receivePdfUpload(request, {
    maxBytes: MAX_EVIDENCE_BYTES,
    fields: ['text', 'link'],
    // Text up to 5,000 characters of up to 4 UTF-8 bytes each.
    fieldSize: EVIDENCE_TEXT_MAX * 4 + 1,
  });
  try {
    return { fields: evidenceFields(upload.fields), file: upload };
  } catch (error) {
    upload.stream.resume();
    throw error;
  }
}

/** Evidence of a milestone: the fellow submits it, reviewers decide, staff waive; its file downloads. */
@ApiTags('milestones')
@Controller('milestones/:id')
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly clock: Clock,
  ) {}

  @Post('submissions')
  @Roles('fellow')
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        text: { type: 'string', maxLength: EVIDENCE_TEXT_MAX },
        link: { type: 'string', format: 'uri' },
        file: {
          type: 'string',
          format: 'binary',
          description: 'A PDF of at most 10 MiB (multipart, after the fields)',
        },
      },
    },
  })
  @ApiCreatedResponse({
    type: MilestoneView,
    description: 'A new version; the state becomes submitted; reviewers emailed',
  })
  @ApiBadRequestResponse({
    description:
      'validation_failed, invalid_milestone_input (evidence kinds), invalid_document (not a PDF that opens with a page), encrypted_document, unexpected_part (a file not named file, a second file)',
  })
  @ApiPayloadTooLargeResponse({ description: 'document_too_large: over 10 MiB; nothing is stored' })
  @ApiConflictResponse({ description: 'milestone_state: only an open milestone or one with changes requested' })
  submit(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SubmitEvidenceDto,
    @Req() request: FastifyRequest,
  ): Promise<MilestoneView> {
    const at = this.clock.now();
    return request.isMultipart()
      ? this.evidence.submit(actor, id, {}, at, () => receiveEvidence(request))
      : this.evidence.submit(actor, id, body, at);
  }

  @Post('reviews')
  @Roles('mentor', 'staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({
    type: MilestoneView,
    description: 'The decision on the latest submission; audited; the fellow emailed',
  })
  @ApiForbiddenResponse({ description: 'own_milestone (a fellow never reviews their own) or not_milestone_reviewer' })
  @ApiConflictResponse({ description: 'milestone_state (nothing submitted) or already_reviewed' })
  review(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReviewDto,
  ): Promise<MilestoneView> {
    return this.evidence.review(actor, id, body, this.clock.now());
  }

  @Post('waive')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ type: MilestoneView, description: 'Waived with the reason; audited' })
  @ApiConflictResponse({ description: 'milestone_state: already approved or waived' })
  waive(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: WaiveDto,
  ): Promise<MilestoneView> {
    return this.evidence.waive(actor, id, body);
  }

  @Get('submissions/:submissionId/file')
  @Roles('fellow', 'mentor', 'staff', 'admin')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'The fellow, their active mentor and staff; 404 for anyone else',
  })
  async file(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
  ): Promise<StreamableFile> {
    const file = await this.evidence.openFile(actor, id, submissionId);
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      disposition: attachmentDisposition(file.filename),
      length: file.sizeBytes,
    });
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotFoundError, Roles } from '@vgbf/core';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { type RenderedMail, TEMPLATES, renderEmail } from './templates/render';

export class PreviewQuery {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  language?: 'vi' | 'en';
}

/** Staff see exactly what an email will look like, rendered with example data, without sending it. */
@ApiTags('emails')
@Controller('emails/templates')
@Roles('staff', 'admin')
export class MailPreviewController {
  @Get()
  @ApiOkResponse({ description: 'The names of every email template' })
  list(): { templates: string[] } {
    return { templates: Object.keys(TEMPLATES) };
  }

  @Get(':name/preview')
  @ApiOkResponse({ description: 'Subject, plain text and HTML of the template rendered with example data' })
  preview(@Param('name') name: string, @Query() query: PreviewQuery): RenderedMail {
    const template = (TEMPLATES as Record<string, { sample: Record<string, string> }>)[name];
    if (!template) throw new NotFoundError('Email template', name);
    return renderEmail(name, query.language ?? 'vi', template.sample);
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { IsVisibleName, normalizedText } from '@vgbf/core';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { APPLICANT_MESSAGE_TEMPLATES, type ApplicantMessageTemplate } from './applicant-message-templates';

export const MAX_SUBJECT = 200;
export const MAX_BODY = 5000;

/** Multi-line text: line breaks kept (as \n), surrounding whitespace trimmed. */
export const messageBody = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;

export class ApplicantMessageDto {
  @ApiProperty({ enum: APPLICANT_MESSAGE_TEMPLATES })
  @IsIn(APPLICANT_MESSAGE_TEMPLATES, { message: `template must be one of: ${APPLICANT_MESSAGE_TEMPLATES.join(', ')}` })
  template: ApplicantMessageTemplate;

  @ApiProperty({ example: 'Your VGBF 2027 application: a document is missing', maxLength: MAX_SUBJECT })
  @Transform(normalizedText)
  @MaxLength(MAX_SUBJECT)
  @IsVisibleName({ message: 'subject is required' })
  @IsString()
  subject: string;

  @ApiProperty({ example: 'Your application is missing the tax certificate.', maxLength: MAX_BODY })
  @Transform(messageBody)
  @MaxLength(MAX_BODY)
  @IsVisibleName({ message: 'body is required' })
  @IsString()
  body: string;
}

export class ApplicantMessageTemplateView {
  @ApiProperty({ enum: APPLICANT_MESSAGE_TEMPLATES }) code: ApplicantMessageTemplate;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
}

export class ApplicantMessageView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: APPLICANT_MESSAGE_TEMPLATES }) template: string;
  @ApiProperty({ enum: ['vi', 'en'] }) language: string;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty() senderName: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({
    enum: ['pending', 'queued', 'done', 'failed'],
    description: 'The email: done = handed to the mail server',
  })
  delivery: string;
}

/** The message log of an application and the templates offered, in the applicant's language. */
export class ApplicantMessagesView {
  @ApiProperty({ enum: ['vi', 'en'], description: "The applicant's language: the email goes out in it" })
  language: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [ApplicantMessageTemplateView] }) templates: ApplicantMessageTemplateView[];
  @ApiProperty({ type: [ApplicantMessageView], description: 'Newest first' }) messages: ApplicantMessageView[];
}

export class EmailPreviewView {
  @ApiProperty() to: string;
  @ApiProperty({ enum: ['vi', 'en'] }) language: string;
  @ApiProperty() subject: string;
  @ApiProperty() text: string;
  @ApiProperty({ description: 'The HTML of the email, as the recipient gets it' }) html: string;
}

import { Module } from '@nestjs/common';
import { MailPreviewController } from './mail-preview.controller';

/** The staff preview of email templates (API only; the worker sends). */
@Module({ controllers: [MailPreviewController] })
export class MailPreviewModule {}

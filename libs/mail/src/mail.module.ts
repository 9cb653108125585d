import { Module } from '@nestjs/common';
import { HeldEndSmtp } from './held-end-smtp';

/** Sending email (the worker's mail processor is the only sender; requests write the outbox). */
@Module({ providers: [HeldEndSmtp], exports: [HeldEndSmtp] })
export class MailModule {}

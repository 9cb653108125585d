export { MailModule } from './mail.module';
export { MailTransport, type OutgoingMail } from './mail-transport';

export { MailModule } from './mail.module';
export { MailTransport, type OutgoingMail } from './mail-transport';
export {
  TEMPLATES,
  UnknownTemplateError,
  renderEmail,
  type MailLanguage,
  type RenderedMail,
  type TemplateName,
} from './templates/render';
export { MailPreviewModule } from './mail-preview.module';

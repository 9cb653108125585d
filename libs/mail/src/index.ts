export { MailModule } from './mail.module';
export { HeldEndSmtp, type HeldSend, type OutgoingMail } from './held-end-smtp';
export {
  TEMPLATES,
  UnknownTemplateError,
  renderEmail,
  type MailLanguage,
  type RenderedMail,
  type TemplateName,
} from './templates/render';
export { MailPreviewModule } from './mail-preview.module';

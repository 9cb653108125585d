export { MailModule } from './mail.module';
export { HeldEndSmtp, type HeldSend, type OutgoingMail } from './held-end-smtp';
export {
  TEMPLATES,
  UnknownTemplateError,
  renderEmail,
  type MailLanguage,
  type RenderedMail,
  type TemplateData,
  type TemplateName,
  type TemplatedEmail,
} from './templates/render';
export type { TemplateText } from './templates/template';
export { MailPreviewModule } from './mail-preview.module';

import { codesInWords } from './code-words';
import { MESSAGE_TEMPLATES } from './message-templates';
import { NOTIFICATION_TEMPLATES } from './notification-templates';
import { PROGRAMME_TEMPLATES } from './programme-templates';
import { REPORT_TEMPLATES } from './report-templates';
import { REMINDER_TEMPLATES } from './reminder-templates';
import { DATA_REQUEST_TEMPLATES } from './data-request-templates';
import type { MailLanguage, Template, TemplateText } from './template';

export type { MailLanguage } from './template';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** Extra headers: List-Unsubscribe and List-Unsubscribe-Post on an email that offers unsubscribing. */
  headers?: Record<string, string>;
}

/**
 * An email whose text offers {unsubscribeUrl} (an optional one) carries it as a one-click unsubscribe
 * (RFC 8058 and RFC 2369): mail clients show their own unsubscribe button, which POSTs
 * `List-Unsubscribe=One-Click` to that URL. Mandatory emails never offer it.
 */
function unsubscribeHeaders(t: TemplateText, data: Record<string, string>): Record<string, string> | undefined {
  const offered = [t.subject, ...t.paragraphs].some((text) => text.includes('{unsubscribeUrl}'));
  const url = data.unsubscribeUrl;
  if (!offered || !url) return undefined;
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** One entry per email kind, each in Vietnamese and English. */
export const TEMPLATES = {
  'verify-email': {
    vi: {
      subject: 'Xác nhận email của bạn — VGBF',
      paragraphs: [
        'Chào {fullName},',
        'Cảm ơn bạn đã đăng ký chương trình Vietnam Global Biz Fellows. Hãy xác nhận địa chỉ email để tiếp tục hồ sơ.',
        'Liên kết có hiệu lực trong 48 giờ. Nếu bạn không đăng ký, hãy bỏ qua email này.',
      ],
      action: { label: 'Xác nhận email', urlKey: 'link' },
    },
    en: {
      subject: 'Confirm your email — VGBF',
      paragraphs: [
        'Hello {fullName},',
        'Thank you for registering with Vietnam Global Biz Fellows. Please confirm your email address to continue your application.',
        'The link is valid for 48 hours. If you did not register, ignore this email.',
      ],
      action: { label: 'Confirm email', urlKey: 'link' },
    },
    sample: { fullName: 'Nguyễn Văn An', link: 'https://vgbf.example/verify-email?token=sample' },
  },
  'account-exists': {
    vi: {
      subject: 'Có người đăng ký bằng email của bạn — VGBF',
      paragraphs: [
        'Chào {fullName},',
        'Ai đó (có thể là chính bạn) vừa thử đăng ký tài khoản mới bằng địa chỉ email này, nhưng bạn đã có tài khoản với chúng tôi. Không có tài khoản mới nào được tạo.',
        'Hãy đăng nhập tại {loginUrl}. Nếu bạn quên mật khẩu, hãy đặt lại mật khẩu bằng nút bên dưới.',
        'Nếu không phải bạn, hãy bỏ qua email này; tài khoản của bạn không thay đổi.',
      ],
      action: { label: 'Đặt lại mật khẩu', urlKey: 'resetUrl' },
    },
    en: {
      subject: 'Someone tried to register with your email — VGBF',
      paragraphs: [
        'Hello {fullName},',
        'Someone (perhaps you) just tried to register a new account with this email address, but you already have an account with us. No new account was created.',
        'Sign in at {loginUrl}. If you forgot your password, reset it with the button below.',
        'If this was not you, ignore this email; your account stays as it is.',
      ],
      action: { label: 'Reset password', urlKey: 'resetUrl' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      loginUrl: 'https://vgbf.example/login',
      resetUrl: 'https://vgbf.example/forgot-password',
    },
  },
  'reset-password': {
    vi: {
      subject: 'Đặt lại mật khẩu — VGBF',
      paragraphs: [
        'Chào {fullName},',
        'Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Liên kết có hiệu lực trong 2 giờ và chỉ dùng được một lần.',
        'Nếu bạn không yêu cầu, hãy bỏ qua email này; mật khẩu của bạn không thay đổi.',
      ],
      action: { label: 'Đặt lại mật khẩu', urlKey: 'link' },
    },
    en: {
      subject: 'Reset your password — VGBF',
      paragraphs: [
        'Hello {fullName},',
        'We received a request to reset the password of your account. The link is valid for 2 hours and works once.',
        'If you did not ask for this, ignore this email; your password stays the same.',
      ],
      action: { label: 'Reset password', urlKey: 'link' },
    },
    sample: { fullName: 'Trần Thị Lan', link: 'https://vgbf.example/reset-password?token=sample' },
  },
  invitation: {
    vi: {
      subject: 'Lời mời tham gia VGBF Cohort',
      paragraphs: [
        'Chào {fullName},',
        '{inviter} mời bạn tham gia chương trình Vietnam Global Biz Fellows với vai trò: {roles}.',
        'Hãy đặt mật khẩu để kích hoạt tài khoản. Liên kết có hiệu lực trong 7 ngày.',
      ],
      action: { label: 'Chấp nhận lời mời', urlKey: 'link' },
    },
    en: {
      subject: 'Your invitation to VGBF Cohort',
      paragraphs: [
        'Hello {fullName},',
        '{inviter} invites you to the Vietnam Global Biz Fellows programme as: {roles}.',
        'Set a password to activate your account. The link is valid for 7 days.',
      ],
      action: { label: 'Accept invitation', urlKey: 'link' },
    },
    sample: {
      fullName: 'Phạm Minh Châu',
      inviter: 'Lê Thu Hà',
      roles: 'mentor',
      link: 'https://vgbf.example/accept-invitation?token=sample',
    },
    codes: { roles: 'role' },
  },
  'application-submitted': {
    vi: {
      subject: 'Đã nhận hồ sơ {cohort} của bạn',
      paragraphs: [
        'Chào {fullName},',
        'Chúng tôi đã nhận hồ sơ của bạn cho {cohort} lúc {submittedAt}.',
        'Hội đồng tuyển chọn sẽ xem xét hồ sơ sau khi hết hạn nộp. Bạn có thể theo dõi trạng thái hồ sơ trong tài khoản của mình.',
      ],
    },
    en: {
      subject: 'Your {cohort} application is in',
      paragraphs: [
        'Hello {fullName},',
        'We received your application to {cohort} at {submittedAt}.',
        'The selection committee reviews applications after the deadline. You can follow its status in your account.',
      ],
    },
    sample: { fullName: 'Nguyễn Văn An', cohort: 'VGBF 2027', submittedAt: '2027-03-30 21:15 (GMT+7)' },
  },
  offer: {
    vi: {
      subject: 'Thư mời tham gia {cohort}',
      paragraphs: [
        'Chào {fullName},',
        'Chúc mừng bạn! Hội đồng tuyển chọn mời bạn tham gia {cohort} của chương trình Vietnam Global Biz Fellows.',
        'Hãy trả lời lời mời trước {deadline}: chấp nhận hoặc từ chối trong tài khoản của bạn. Nếu không trả lời trước hạn, lời mời sẽ hết hiệu lực và suất của bạn sẽ dành cho ứng viên khác.',
      ],
      action: { label: 'Xem lời mời', urlKey: 'link' },
    },
    en: {
      subject: 'Your offer to join {cohort}',
      paragraphs: [
        'Hello {fullName},',
        'Congratulations! The selection committee offers you a place in {cohort} of the Vietnam Global Biz Fellows programme.',
        'Please answer by {deadline}: accept or decline in your account. Without an answer by then the offer expires and the seat goes to another applicant.',
      ],
      action: { label: 'See the offer', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      cohort: 'VGBF 2027',
      deadline: '2027-06-07 23:59 (GMT+7)',
      link: 'https://vgbf.example/offers',
    },
  },
  'offer-reminder': {
    vi: {
      subject: 'Lời mời tham gia {cohort} sắp hết hạn',
      paragraphs: [
        'Chào {fullName},',
        'Bạn chưa trả lời lời mời tham gia {cohort}. Lời mời hết hạn lúc {deadline}.',
        'Hãy chấp nhận hoặc từ chối trước thời điểm đó; sau đó suất của bạn sẽ dành cho ứng viên khác.',
      ],
      action: { label: 'Trả lời lời mời', urlKey: 'link' },
    },
    en: {
      subject: 'Your offer to join {cohort} expires soon',
      paragraphs: [
        'Hello {fullName},',
        'You have not yet answered your offer to join {cohort}. It expires at {deadline}.',
        'Please accept or decline before then; after that the seat goes to another applicant.',
      ],
      action: { label: 'Answer the offer', urlKey: 'link' },
    },
    sample: {
      fullName: 'Nguyễn Văn An',
      cohort: 'VGBF 2027',
      deadline: '2027-06-07 23:59 (GMT+7)',
      link: 'https://vgbf.example/offers',
    },
  },
  ...REMINDER_TEMPLATES,
  ...PROGRAMME_TEMPLATES,
  ...REPORT_TEMPLATES,
  ...NOTIFICATION_TEMPLATES,
  ...MESSAGE_TEMPLATES,
  ...DATA_REQUEST_TEMPLATES,
} satisfies Record<string, Template>;

export type TemplateName = keyof typeof TEMPLATES;

/**
 * The data an email of this template takes: a string for each key of its sample (the sample fills every
 * placeholder, which render.spec checks), plus the notification links any optional email may show and
 * the reminder step it stands for (not shown; kept so the email can be traced to its step).
 */
export type TemplateData<N extends TemplateName> = { [K in keyof (typeof TEMPLATES)[N]['sample']]: string } & {
  unsubscribeUrl?: string;
  settingsUrl?: string;
  step?: string;
};

/** One email's template and its data, checked together: `{ template: 'offer', data: … }` must be the offer's data. */
export type TemplatedEmail = { [N in TemplateName]: { template: N; data: TemplateData<N> } }[TemplateName];

export class UnknownTemplateError extends Error {}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function fill(text: string, data: Record<string, string>, escape: (s: string) => string): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`Template placeholder {${key}} has no value`);
    return escape(value);
  });
}

/** The template's table (JSON string[][], header first) from the data; empty when it has none. */
function tableOf(name: string, t: TemplateText, data: Record<string, string>): string[][] {
  if (!t.table) return [];
  const raw = data[t.table.dataKey];
  if (raw === undefined) throw new Error(`Template "${name}" needs data.${t.table.dataKey}`);
  const rows = JSON.parse(raw) as unknown;
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string')))
    throw new Error(`Template "${name}": data.${t.table.dataKey} must be JSON string[][]`);
  return rows;
}

const tableHtml = (rows: string[][]): string => {
  if (rows.length < 2) return '';
  const cell = (tag: string, c: string): string =>
    `<${tag} style="border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top">${escapeHtml(c)}</${tag}>`;
  const [head = [], ...body] = rows;
  return `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${head.map((c) => cell('th', c)).join('')}</tr></thead><tbody>${body
    .map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`)
    .join('')}</tbody></table>`;
};

/** The data with each value the template declares as codes in the recipient's words. */
function wordCodes(template: Template, language: MailLanguage, data: Record<string, string>): Record<string, string> {
  const worded = { ...data };
  for (const [key, enumeration] of Object.entries(template.codes ?? {})) {
    const value = data[key];
    if (value !== undefined) worded[key] = codesInWords(enumeration, value, language);
  }
  return worded;
}

/** Renders one email in the recipient's language, as plain text and HTML. */
export function renderEmail(name: string, language: MailLanguage, given: Record<string, string>): RenderedMail {
  const template = (TEMPLATES as Record<string, Template>)[name];
  if (!template) throw new UnknownTemplateError(`No email template "${name}"`);
  const t = template[language];
  const data = wordCodes(template, language, given);
  const table = tableOf(name, t, data);
  const same = (s: string): string => s;
  const paragraphs = t.paragraphs.map((p) => fill(p, data, same));
  const url = t.action ? data[t.action.urlKey] : undefined;
  if (t.action && !url) throw new Error(`Template "${name}" needs data.${t.action.urlKey}`);
  const text = [
    ...paragraphs,
    ...(table.length > 1 ? [table.map((r) => r.join(' | ')).join('\n')] : []),
    ...(t.action && url ? [`${t.action.label}: ${url}`] : []),
    '—',
    'Vietnam Global Biz Fellows',
  ].join('\n\n');
  // A line break in a filled value (a digest's list) stays a line break in HTML.
  const htmlParagraphs = t.paragraphs
    .map((p) => `<p>${fill(escapeHtml(p), data, escapeHtml).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  const button =
    t.action && url
      ? `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#c8102e;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t.action.label)}</a></p>\n<p style="font-size:12px;color:#555">${escapeHtml(url)}</p>`
      : '';
  const html = `<!doctype html><html lang="${language}"><body style="font-family:Arial,sans-serif;line-height:1.5;color:#222">\n${htmlParagraphs}\n${tableHtml(table)}\n${button}\n<p>— Vietnam Global Biz Fellows</p></body></html>`;
  const headers = unsubscribeHeaders(t, data);
  return { subject: fill(t.subject, data, same), text, html, ...(headers ? { headers } : {}) };
}

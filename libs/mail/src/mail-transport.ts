import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A stable id (the outbox id) so a receiving system can spot a duplicate. */
  messageId?: string;
  headers?: Record<string, string>;
}

/** SMTP through nodemailer. Only the worker's mail processor sends; request handlers write the outbox. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    const url = new URL(config.SMTP_URL);
    const local = ['127.0.0.1', 'localhost', '::1'].includes(url.hostname);
    this.transporter = createTransport({
      url: config.SMTP_URL,
      // The local inbox speaks plain SMTP; real servers get STARTTLS/TLS as their URL says.
      ignoreTLS: local,
      pool: true,
      maxConnections: 5,
    });
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    return { messageId: String(info.messageId) };
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

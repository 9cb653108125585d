import { Readable } from 'node:stream';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import type { OutgoingMail } from '@vgbf/mail';
import { createTransport, type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

/**
 * The message body, handed to nodemailer whole except its end. An SMTP server accepts a message only
 * at the end of DATA ("\r\n.\r\n", written after the body stream ends) and discards one whose
 * connection drops before it, so until `release()` nothing has been delivered.
 */
class HeldBody extends Readable {
  readonly drained: Promise<void>;
  private pushed = false;
  private onDrained!: () => void;

  constructor(private readonly raw: Buffer) {
    // highWaterMark 0: _read is asked again only once the consumer has taken everything pushed.
    super({ highWaterMark: 0 });
    this.drained = new Promise((resolve) => (this.onDrained = resolve));
  }

  override _read(): void {
    if (this.pushed) return this.onDrained();
    this.pushed = true;
    this.push(this.raw);
  }

  release(): void {
    this.push(null);
  }
}

/** A send whose delivery waits for `release()`: the caller commits its own record of the send with it. */
export interface HeldSend {
  /** Resolves when the server has the whole message but its end; rejects if SMTP failed before. */
  ready: Promise<void>;
  /**
   * Ends DATA; resolves once the end is written to the socket (the kernel delivers it even if this
   * process dies now), before the server's answer.
   */
  release(): Promise<void>;
  /** The server's answer to the end of DATA: resolves when it accepted the message. */
  accepted: Promise<void>;
  /** Gives up before `release()`: the connection's DATA is cut, the server keeps nothing. */
  abort(error: Error): void;
}

/**
 * SMTP through nodemailer, sending a message in two steps so the worker can commit its outbox row
 * right at the moment the server accepts. See MailProcessor for the order and what it guarantees.
 */
@Injectable()
export class HeldEndSmtp implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(private readonly config: AppConfig) {
    const url = new URL(config.SMTP_URL);
    this.transporter = createTransport({
      url: config.SMTP_URL,
      // The local inbox speaks plain SMTP; real servers get STARTTLS/TLS as their URL says.
      ignoreTLS: ['127.0.0.1', 'localhost', '::1'].includes(url.hostname),
      pool: true,
      maxConnections: 5,
    });
  }

  async begin(mail: OutgoingMail): Promise<HeldSend> {
    const from = this.config.MAIL_FROM;
    const raw = await new MailComposer({ from, ...mail }).compile().build();
    const body = new HeldBody(raw);
    const sent = this.transporter.sendMail({ envelope: { from: addressOf(from), to: [mail.to] }, raw: body });
    // Swallowed here, surfaced by ready/release: the caller always awaits one of them.
    sent.catch(() => undefined);
    return {
      ready: Promise.race([
        body.drained,
        sent.then(() => Promise.reject(new Error('SMTP finished before DATA ended'))),
      ]),
      release: () => {
        body.release();
        // The end of DATA travels our stream → nodemailer's data stream → socket in process.nextTick
        // and promise callbacks, which all run before setImmediate's: the bytes are written by then.
        return new Promise((resolve) => setImmediate(resolve));
      },
      accepted: sent.then(() => undefined),
      abort: (error) => body.destroy(error),
    };
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

/** "Name <a@b>" → "a@b". */
const addressOf = (from: string): string => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

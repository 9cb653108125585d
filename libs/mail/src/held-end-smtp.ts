import { Readable } from 'node:stream';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';

import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A stable id (the outbox id) so a receiving system can spot a duplicate. */
  messageId?: string;
  headers?: Record<string, string>;
  /** Files attached as MIME parts (MailComposer encodes them base64). */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

/**
 * The message body, handed to the SMTP connection whole except its end. A server accepts a message
 * only at the end of DATA ("\r\n.\r\n", written after the body stream ends) and discards one whose
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
  /** Resolves when the server has the whole message but its end (in DATA); rejects if SMTP failed before. */
  ready: Promise<void>;
  /**
   * Ends DATA; resolves once the end is handed to the kernel (which delivers it even if this process
   * dies now), before the server's answer.
   */
  release(): Promise<void>;
  /** The server's answer to the end of DATA: resolves when it accepted the message. */
  accepted: Promise<void>;
  /** Gives up before `release()`: the connection is closed mid-DATA and the server keeps nothing. */
  abort(): void;
}

/** A connection with the number of messages it has carried. */
interface Held {
  connection: SMTPConnection;
  messages: number;
}

/** How many idle connections a worker keeps, and how many messages one carries before it is replaced. */
export const HELD_POOL = { idle: 8, messagesPerConnection: 100 };

/**
 * SMTP in two steps, so the worker can commit its outbox row at the moment the server accepts (see
 * MailProcessor). nodemailer's transports read the whole message into their own buffers before DATA
 * begins, so "the server has all but the end" cannot be observed through them: this drives nodemailer's
 * SMTPConnection itself. Connections are reused: one carries one message at a time, and goes back to a
 * small idle pool once the server accepted (a server that greets slowly is greeted once per connection,
 * not once per message). One that failed, was aborted mid-DATA or was closed by the server is dropped.
 */
@Injectable()
export class HeldEndSmtp implements OnModuleDestroy {
  private readonly options: SMTPConnection.Options;
  private readonly auth?: SMTPConnection.Credentials;
  private readonly idle: Held[] = [];
  private closed = false;

  constructor(private readonly config: AppConfig) {
    const url = new URL(config.SMTP_URL);
    const secure = url.protocol === 'smtps:';
    this.options = {
      host: url.hostname,
      port: Number(url.port) || (secure ? 465 : 587),
      secure,
      // The local inbox speaks plain SMTP; real servers get STARTTLS/TLS as their URL says.
      ignoreTLS: ['127.0.0.1', 'localhost', '::1'].includes(url.hostname),
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    };
    if (url.username) this.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  }

  async begin(mail: OutgoingMail): Promise<HeldSend> {
    const from = this.config.MAIL_FROM;
    const raw = await new MailComposer({ from, ...mail }).compile().build();
    const held = await this.acquire();
    const { connection } = held;
    const body = new HeldBody(raw);
    const sent = new Promise<void>((resolve, reject) =>
      connection.send({ from: addressOf(from), to: [mail.to] }, body, (error) => (error ? reject(error) : resolve())),
    );
    sent.then(
      () => this.giveBack(held),
      () => connection.close(),
    );
    return {
      ready: Promise.race([
        body.drained,
        sent.then(() => Promise.reject(new Error('SMTP finished before DATA ended'))),
      ]),
      release: async () => {
        // The end of DATA goes our stream → nodemailer's data stream → socket in process.nextTick and
        // promise callbacks: the data stream ends right after it handed its last bytes (the end) to
        // the socket. Waiting for that, not for the next turn of the event loop, keeps the caller's
        // COMMIT in the same run of callbacks, with no other I/O handled between the writes. Then the
        // end is in the kernel unless the socket was backed up, in which case wait until it drains.
        const data = (connection as unknown as { _currentDataStream?: Readable })._currentDataStream;
        const ended = data
          ? new Promise((resolve) => (data.readableEnded ? resolve(undefined) : data.once('end', resolve)))
          : new Promise((resolve) => setImmediate(resolve));
        body.release();
        await ended;
        const socket = connection._socket;
        while (socket && !socket.destroyed && socket.writableLength > 0)
          await new Promise((resolve) => socket.once('drain', resolve));
      },
      accepted: sent,
      abort: () => connection.close(),
    };
  }

  /** Closes the idle connections (QUIT); a connection still carrying a message is closed when it finishes. */
  onModuleDestroy(): void {
    this.closed = true;
    for (const held of this.idle.splice(0)) held.connection.quit();
  }

  /** An idle connection the server has not closed, or a new one. */
  private async acquire(): Promise<Held> {
    for (let held = this.idle.pop(); held; held = this.idle.pop()) {
      if (!held.connection.destroyed) return held;
    }
    return { connection: await this.connect(), messages: 0 };
  }

  private giveBack(held: Held): void {
    held.messages += 1;
    const { connection } = held;
    if (this.closed || connection.destroyed) return connection.close();
    if (held.messages >= HELD_POOL.messagesPerConnection || this.idle.length >= HELD_POOL.idle)
      return connection.quit();
    this.idle.push(held);
  }

  private async connect(): Promise<SMTPConnection> {
    const connection = new SMTPConnection(this.options);
    // Errors also reach the pending callback; without a listener an 'error' event would crash the worker
    // (an idle connection's timeout or drop ends up here too, and acquire() skips it once destroyed).
    connection.on('error', () => undefined);
    try {
      await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
      const auth = this.auth;
      if (auth)
        await new Promise<void>((resolve, reject) =>
          connection.login(auth, (error) => (error ? reject(error) : resolve())),
        );
      return connection;
    } catch (error) {
      connection.close();
      throw error;
    }
  }
}

/** "Name <a@b>" → "a@b". */
const addressOf = (from: string): string => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

import { serviceUrls } from './env';

export interface InboxEmail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: Array<{ address: string }>;
  messageId: string;
  attachments?: Array<{ filename: string; generatedFileName?: string; contentType: string }>;
}

/** The local mail inbox (maildev) the scripts start; tests read what the system really sent over SMTP. */
export class Inbox {
  private readonly base: string;

  constructor() {
    const { mailInboxUrl } = serviceUrls();
    if (!mailInboxUrl) throw new Error('MAIL_INBOX_URL is not set: these tests need the local mail inbox');
    this.base = mailInboxUrl.replace(/\/$/, '');
  }

  async emailsTo(address: string): Promise<InboxEmail[]> {
    const res = await fetch(`${this.base}/api/email`);
    if (!res.ok) throw new Error(`inbox answered ${res.status}`);
    const all = (await res.json()) as InboxEmail[];
    return all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
  }

  /** The message's header fields as it arrived over SMTP (unfolded; names in lower case, the first of each). */
  async headers(email: InboxEmail): Promise<Record<string, string>> {
    const res = await fetch(`${this.base}/api/email/${email.id}/source`);
    if (!res.ok) throw new Error(`inbox answered ${res.status} for the source of ${email.id}`);
    const head = (await res.text()).split(/\r?\n\r?\n/)[0] ?? '';
    const fields: Record<string, string> = {};
    for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      if (colon > 0 && !(name in fields)) fields[name] = line.slice(colon + 1).trim();
    }
    return fields;
  }

  /** The bytes of one attachment of a received email (maildev's /api/email/:id/attachment/:filename). */
  async attachment(email: InboxEmail, fileName: string): Promise<Buffer> {
    const found = email.attachments?.find((a) => a.filename === fileName);
    if (!found) throw new Error(`email ${email.id} has no attachment ${fileName}`);
    const name = encodeURIComponent(found.generatedFileName ?? found.filename);
    const res = await fetch(`${this.base}/api/email/${email.id}/attachment/${name}`);
    if (!res.ok) throw new Error(`inbox answered ${res.status} for attachment ${fileName}`);
    return Buffer.from(await res.arrayBuffer());
  }

  /** Waits until `count` emails to `address` arrived, then a little longer to catch duplicates. */
  async waitFor(address: string, count = 1, timeoutMs = 15_000): Promise<InboxEmail[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.emailsTo(address);
      if (found.length >= count) return found;
      if (Date.now() > until) throw new Error(`expected ${count} emails to ${address}, got ${found.length}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** A recipient address no other test (or earlier run) uses. */
export const uniqueEmail = (label: string): string =>
  `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.vn`;

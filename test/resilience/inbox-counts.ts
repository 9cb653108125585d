import { serviceUrls } from '../support/env';

interface Listed {
  id: string;
  to: Array<{ address: string }>;
  headers?: Record<string, string>;
}

/** What the mail inbox (maildev) received for one test's recipients, counted raw: no dedupe of any kind. */
export class TaggedInbox {
  private readonly base: string;

  constructor(private readonly tag: string) {
    const { mailInboxUrl } = serviceUrls();
    if (!mailInboxUrl) throw new Error('MAIL_INBOX_URL is not set: these tests need the local mail inbox');
    this.base = mailInboxUrl.replace(/\/$/, '');
  }

  private mine(address: string): boolean {
    return address.toLowerCase().startsWith(`${this.tag}-`);
  }

  async messages(): Promise<Listed[]> {
    const res = await fetch(`${this.base}/api/email`);
    if (!res.ok) throw new Error(`inbox answered ${res.status}`);
    return ((await res.json()) as Listed[]).filter((m) => m.to.some((t) => this.mine(t.address)));
  }

  /** Messages, distinct recipients, distinct Message-IDs, and the recipients that got more than one. */
  async counts(): Promise<{ messages: number; recipients: number; messageIds: number; duplicated: string[] }> {
    const list = await this.messages();
    const perRecipient = new Map<string, number>();
    for (const m of list)
      for (const t of m.to.filter((x) => this.mine(x.address)))
        perRecipient.set(t.address, (perRecipient.get(t.address) ?? 0) + 1);
    return {
      messages: list.length,
      recipients: perRecipient.size,
      messageIds: new Set(list.map((m) => m.headers?.['message-id'])).size,
      duplicated: [...perRecipient].filter(([, n]) => n > 1).map(([a]) => a),
    };
  }

  /** Deletes this test's messages (only these: others share the inbox). */
  async cleanUp(): Promise<void> {
    const list = await this.messages().catch(() => []);
    for (let i = 0; i < list.length; i += 20)
      await Promise.all(
        list
          .slice(i, i + 20)
          .map((m) => fetch(`${this.base}/api/email/${m.id}`, { method: 'DELETE' }).catch(() => undefined)),
      );
  }
}

/** The local mail inbox (maildev) as the tests read it: GET /api/email lists every message. */
interface InboxMessage {
  subject: string;
  text?: string;
  html?: string;
  to: { address: string }[];
}

const INBOX = process.env.MAIL_INBOX_URL ?? 'http://127.0.0.1:10280';

/** Waits for the first message to `address` and returns the link to `path` it carries. */
export async function linkFromInbox(address: string, path: string, timeoutMs = 30_000): Promise<string> {
  const pattern = new RegExp(`https?://[^\\s"'<>]+/${path}\\?token=[A-Za-z0-9_%.~-]+`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${INBOX}/api/email`);
    if (response.ok) {
      const messages = (await response.json()) as InboxMessage[];
      for (const message of messages) {
        if (!message.to.some((to) => to.address.toLowerCase() === address.toLowerCase())) continue;
        const link = pattern.exec(`${message.text ?? ''}\n${message.html ?? ''}`)?.[0];
        if (link) return link.replace(/&amp;/g, '&');
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No email with a /${path} link reached ${address} within ${timeoutMs} ms (inbox ${INBOX})`);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.vn`;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the signature covers besides the user, so a signature made for another purpose never passes here. */
const PURPOSE = 'vgbf:unsubscribe-optional:v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const sign = (secret: string, userId: string): Buffer =>
  createHmac('sha256', secret).update(`${PURPOSE}:${userId}`).digest();

/**
 * A link token that turns one person's optional emails off: `<user id>.<HMAC-SHA256>` (base64url). No
 * expiry: an unsubscribe link must keep working in old emails, and all it can do is stop optional mail.
 */
export function unsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${sign(secret, userId).toString('base64url')}`;
}

/** The user a token was signed for, or null when it is malformed or its signature is wrong. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const [userId, signature, ...rest] = token.split('.');
  if (!userId || !signature || rest.length || !UUID.test(userId)) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(secret, userId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

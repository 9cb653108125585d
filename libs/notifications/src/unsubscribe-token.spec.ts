import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const SECRET = 'a-test-secret-of-at-least-32-characters';
const USER = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';

describe(verifyUnsubscribeToken.name, () => {
  it('returns the user a token was signed for', () => {
    expect(verifyUnsubscribeToken(SECRET, unsubscribeToken(SECRET, USER))).toBe(USER);
  });

  it('refuses a token signed with another secret, for another user, or malformed', () => {
    const token = unsubscribeToken(SECRET, USER);
    const [, signature] = token.split('.');
    expect(verifyUnsubscribeToken('another-secret-of-at-least-32-characters', token)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `00000000-0000-4000-8000-000000000000.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}x`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, USER)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}.more`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, 'not-a-user.AAAA')).toBeNull();
  });
});

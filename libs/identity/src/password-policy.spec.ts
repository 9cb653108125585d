import { passwordProblem } from './password-policy';

describe(passwordProblem.name, () => {
  it('accepts a long, unrelated passphrase, Vietnamese included', () => {
    expect(passwordProblem('Hà Nội mùa thu 2027', 'an@example.vn')).toBeNull();
  });

  it.each([
    ['short1', 'at least 10'],
    ['x'.repeat(129), 'at most 128'],
    ['nguyenvan.an2027', 'must not contain your email'],
    ['aaaaaaaaaaaa', 'same few characters'],
    ['password123', 'most common'],
    ['1234567890', 'most common'],
  ])('refuses %s', (password, reason) => {
    expect(passwordProblem(password, 'NguyenVan.An@example.vn')?.message).toContain(reason);
  });
});

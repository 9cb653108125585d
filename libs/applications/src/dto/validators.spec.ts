import { VN_PHONE, VN_TAX_CODE, countWords } from './validators';

describe('application validators', () => {
  it('counts Vietnamese words by whitespace', () => {
    expect(countWords('  Tôi muốn   mở rộng\nthị trường Nhật Bản ')).toBe(8);
    expect(countWords('')).toBe(0);
  });

  it.each([
    ['+84912345678', true],
    ['+84312345678', true],
    ['0912345678', false],
    ['+8491234567', false],
    ['+84212345678', false],
  ])('phone %s → %s', (phone, ok) => expect(VN_PHONE.test(phone)).toBe(ok));

  it.each([
    ['0101234567', true],
    ['0101234567-001', true],
    ['0101234567001', false],
    ['010123456', false],
    ['0101234567-01', false],
  ])('tax code %s → %s', (code, ok) => expect(VN_TAX_CODE.test(code)).toBe(ok));
});

import fc from 'fast-check';
import { type ApplicantIdentity, REDACTED, foldText, redact, redactDeep } from './redaction';

const WHO: ApplicantIdentity = {
  fullName: 'Nguyễn Đức Tùng',
  email: 'tung.nguyen@giabao.vn',
  phone: '+84912345678',
  taxCode: '0312345678',
  enterpriseName: 'Công ty TNHH Thương mại Gia Bảo',
  websites: ['https://www.giabao.vn'],
  referees: [
    { name: 'Trần Thị Mai', email: 'mai.tran@vcci.org.vn' },
    { name: 'John Smith', email: 'john@partner.example' },
  ],
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Huỳnh'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Hữu'];
const GIVEN = ['Tùng', 'Mai', 'Hùng', 'Lan', 'Phương', 'Quân', 'Thảo', 'Dũng', 'Hằng', 'Khoa'];
const name = fc
  .tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN))
  .map((parts) => parts.join(' '));
/** Words that name nobody: the text around the identifying parts. */
const filler = fc
  .array(
    fc.constantFrom(
      'Tôi',
      'là',
      'người',
      'sáng lập',
      'doanh nghiệp',
      'xuất khẩu',
      'the',
      'company',
      'in',
      '2019',
      '.',
      ',',
    ),
    {
      maxLength: 8,
    },
  )
  .map((words) => words.join(' '));
const noDiacritics = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const spelling = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.toLowerCase(),
  noDiacritics,
  (s: string) => noDiacritics(s).toLowerCase(),
);

describe(redact.name, () => {
  it('removes the applicant’s name, enterprise, contacts, tax code, website and referees', () => {
    const essay =
      'Tôi là Nguyễn Đức Tùng, người sáng lập Công ty TNHH Thương mại Gia Bảo (MST 0312345678). ' +
      'Liên hệ: tung.nguyen@giabao.vn, 0912 345 678 hoặc +84 912.345.678; website www.giabao.vn, giabao.vn. ' +
      'Người giới thiệu: bà Trần Thị Mai (VCCI) và Mr. Smith. Anh Tùng và NGUYEN DUC TUNG cảm ơn Gia Bao.';
    const out = redact(essay, WHO);
    for (const leak of [
      'Nguyễn',
      'Tùng',
      'Gia Bảo',
      'Gia Bao',
      '0312345678',
      'giabao',
      '912',
      'Mai',
      'Smith',
      'TUNG',
    ]) {
      expect(out).not.toContain(leak);
    }
    expect(out).toContain(`Tôi là ${REDACTED}, người sáng lập ${REDACTED}`);
    expect(out).toContain('Người giới thiệu: bà');
  });

  it('leaves a middle name that is an everyday word or a country, and words that only fold to a name part', () => {
    // Đức is the applicant's middle name and Germany; "tung ra" (launch) is not Tùng; năm (year) is not Nam.
    const out = redact('Chúng tôi xuất khẩu sang Đức và Pháp, năm nay sẽ tung ra thị trường.', {
      fullName: 'Nguyễn Đức Tùng',
    });
    expect(out).toBe('Chúng tôi xuất khẩu sang Đức và Pháp, năm nay sẽ tung ra thị trường.');
    expect(redact('Năm 2020 tôi thành lập công ty.', { fullName: 'Lê Văn Nam' })).toBe(
      'Năm 2020 tôi thành lập công ty.',
    );
  });

  it('redacts any phone number, email, URL, web domain or tax code, whoever it belongs to', () => {
    const out = redact(
      'Gọi 090-123-4567, (+84) 28 3822 1234, viết a.b@c.com.vn, xem https://x.io/a hoặc shop.vn; MST 0101234567-001.',
      {},
    );
    expect(out).toBe(
      `Gọi ${REDACTED}, ${REDACTED}, viết ${REDACTED}, xem ${REDACTED} hoặc ${REDACTED}; MST ${REDACTED}.`,
    );
  });

  it('leaves text without identifying parts unchanged', () => {
    const text = 'Kế hoạch thâm nhập thị trường Nhật Bản: 20% doanh thu sau 2 năm, 1.000.000.000 đồng vốn.';
    expect(redact(text, WHO)).toBe(text);
    expect(redact('', WHO)).toBe('');
  });

  it('never leaves the applicant’s or a referee’s full name, however it is spelled (property)', () => {
    fc.assert(
      fc.property(name, name, filler, filler, spelling, (applicant, referee, before, after, spell) => {
        const text = `${before} ${spell(applicant)} ${after} ${spell(referee)}.`;
        const out = foldText(redact(text, { fullName: applicant, referees: [{ name: referee }] }));
        expect(out).not.toContain(foldText(applicant));
        expect(out).not.toContain(foldText(referee));
      }),
    );
  });

  it('never leaves a phone number, however it is grouped (property)', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''));
    const group = fc.constantFrom(' ', '.', '-', '');
    fc.assert(
      fc.property(digits, group, fc.constantFrom('0', '+84', '+84 ', '84'), filler, (d, sep, prefix, around) => {
        const written = `${prefix}${d.slice(0, 3)}${sep}${d.slice(3, 6)}${sep}${d.slice(6)}`;
        const out = redact(`${around} ${written} ${around}`, { phone: `+84${d}` });
        expect(out.replace(/\D/g, '')).not.toContain(d);
      }),
    );
  });

  it('is stable: redacting twice gives what redacting once gave (property)', () => {
    fc.assert(
      fc.property(name, filler, filler, (applicant, a, b) => {
        const who = { fullName: applicant, enterpriseName: `Công ty CP ${applicant.split(' ').pop()} Xanh` };
        const once = redact(`${a} ${applicant} ${b} Công ty CP ${applicant.split(' ').pop()} Xanh`, who);
        expect(redact(once, who)).toBe(once);
      }),
    );
  });
});

describe(redactDeep.name, () => {
  it('redacts every string in an object and keeps numbers and structure', () => {
    expect(redactDeep({ other: 'Tiếng Pháp B2 (Nguyễn Đức Tùng)', topik: 3, list: ['Gia Bảo'] }, WHO)).toEqual({
      other: `Tiếng Pháp B2 (${REDACTED})`,
      topik: 3,
      list: [REDACTED],
    });
  });
});

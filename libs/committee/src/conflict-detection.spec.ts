import { detectConflicts, enterpriseKey, fold, isSharedDomain, matchDeclaration } from './conflict-detection';

describe(detectConflicts.name, () => {
  const applicant = {
    applicationId: 'a1',
    email: 'an@luavang.vn',
    enterpriseName: 'Công ty Cổ phần Lúa Vàng',
    refereeEmails: ['mai@example.vn'],
  };

  it('finds the same enterprise however its legal form and accents are written', () => {
    expect(enterpriseKey('Công ty Cổ phần Lúa Vàng')).toBe(enterpriseKey('LUA VANG JSC'));
    const found = detectConflicts(
      [applicant],
      [{ reviewerId: 'r1', email: 'x@gmail.com', organisation: 'Lua Vang JSC' }],
    );
    expect(found).toEqual([
      { applicationId: 'a1', reviewerId: 'r1', reason: 'same enterprise: Công ty Cổ phần Lúa Vàng' },
    ]);
  });

  it('finds a shared private email domain, never a public one', () => {
    const reviewers = [
      { reviewerId: 'r1', email: 'binh@LuaVang.vn', organisation: null },
      { reviewerId: 'r2', email: 'binh@gmail.com', organisation: null },
    ];
    const gmailApplicant = { ...applicant, applicationId: 'a2', email: 'an@gmail.com' };
    expect(detectConflicts([applicant, gmailApplicant], reviewers)).toEqual([
      { applicationId: 'a1', reviewerId: 'r1', reason: 'same email domain: luavang.vn' },
    ]);
  });

  it('finds a reviewer who is the applicant’s referee', () => {
    const found = detectConflicts(
      [applicant],
      [{ reviewerId: 'r3', email: 'Mai@example.vn', organisation: 'Quỹ ABC' }],
    );
    expect(found.map((f) => f.reason)).toEqual(['the reviewer is one of the applicant’s referees']);
  });

  it('takes documentation, test and local domains for shared ones', () => {
    for (const domain of ['example.vn', 'example.com', 'vgbf.local', 'lab.test'])
      expect(isSharedDomain(domain)).toBe(true);
    expect(isSharedDomain('luavang.vn')).toBe(false);
  });

  it('finds nothing between strangers', () => {
    expect(
      detectConflicts([applicant], [{ reviewerId: 'r4', email: 'lan@dongA.vn', organisation: 'Công ty TNHH Đông Á' }]),
    ).toEqual([]);
  });

  it('folds Vietnamese like the search', () => {
    expect(fold('  Nguyễn   Văn ĐÔNG ')).toBe('nguyen van dong');
  });
});

describe(matchDeclaration.name, () => {
  const applicants = [
    {
      applicationId: 'a1',
      fullName: 'Nguyễn Đức Tùng',
      enterpriseName: 'Công ty TNHH Gia Bảo',
      email: 'tung@giabao.vn',
    },
    { applicationId: 'a2', fullName: 'Nguyễn Thị Lan', enterpriseName: 'Hợp tác xã Trà My', email: 'lan@gmail.com' },
  ];

  it('matches a whole name however it is accented, cased or ordered, an enterprise or an email', () => {
    expect(matchDeclaration({ names: ['tung nguyen duc'], emails: [] }, applicants)).toEqual([
      { applicationId: 'a1', named: 'tung nguyen duc' },
    ]);
    expect(matchDeclaration({ names: ['GIA BAO Co., Ltd'], emails: [] }, applicants)).toEqual([
      { applicationId: 'a1', named: 'GIA BAO Co., Ltd' },
    ]);
    expect(matchDeclaration({ names: [], emails: ['LAN@gmail.com'] }, applicants)).toEqual([
      { applicationId: 'a2', named: 'LAN@gmail.com' },
    ]);
  });

  it('never matches a surname or part of a name, so a declaration cannot sweep the cohort', () => {
    expect(
      matchDeclaration({ names: ['Nguyễn', 'Tùng', 'Công ty', 'Đức Tùng'], emails: ['gmail.com'] }, applicants),
    ).toEqual([]);
  });
});

import { overLimits } from './limits';
import { hasLanguageResult } from './completeness';
import { refereeProblems } from './stored-checks';

const applicant = { email: 'an@example.vn', names: ['Nguyễn Văn An'] };

describe(refereeProblems.name, () => {
  it('takes two other people', () => {
    const referees = [
      { name: 'Trần Thị Mai', email: 'mai@example.vn' },
      { name: 'Lê Văn Nam', email: 'nam@example.vn' },
    ];
    expect(refereeProblems(referees, applicant)).toEqual([]);
  });

  it('refuses the applicant as their own referee, by email (any case) or by name', () => {
    const fields = refereeProblems(
      [
        { name: 'Someone', email: 'AN@example.vn' },
        { name: ' nguyễn  văn an ', email: 'x@example.vn' },
      ],
      applicant,
    ).map((e) => e.field);
    expect(fields).toEqual(['referees.0.email', 'referees.1.name']);
  });

  it('refuses the same referee twice', () => {
    const problems = refereeProblems(
      [
        { name: 'Trần Thị Mai', email: 'mai@example.vn' },
        { name: 'Trần Thị Mai', email: 'MAI@example.vn' },
      ],
      applicant,
    );
    expect(problems.map((e) => e.field)).toEqual(['referees.1.email', 'referees.1.name']);
    expect(problems[0]?.message).toMatch(/already referee 1/);
  });

  it('matches names in any case as Vietnamese lower-cases them (toLowerCase is the vi locale mapping)', () => {
    const problems = refereeProblems(
      [
        { name: 'ĐẶNG THỊ ÁNH', email: 'anh@example.vn' },
        { name: 'đặng thị ánh', email: 'other@example.vn' },
      ],
      applicant,
    );
    expect(problems.map((e) => e.field)).toEqual(['referees.1.name']);
    // The reason folding may drop the locale: no code point lower-cases differently under 'vi'.
    for (let code = 0; code < 0x30000; code += 1) {
      const ch = String.fromCodePoint(code);
      if (ch.toLowerCase() !== ch.toLocaleLowerCase('vi')) throw new Error(`U+${code.toString(16)} differs`);
    }
  });
});

describe(overLimits.name, () => {
  it('flags an essay over its word limit with the count and the limit, and nothing within', () => {
    expect(overLimits({ motivation: 'từ '.repeat(501), ambassador: 'ok' })).toEqual([
      expect.objectContaining({ field: 'essays.motivation', code: 'over_word_limit', words: 501, maxWords: 500 }),
    ]);
    expect(overLimits({ motivation: 'từ '.repeat(500) })).toEqual([]);
  });
});

describe(hasLanguageResult.name, () => {
  it.each([
    [{ english: [] }, false],
    [{ english: {} }, false],
    [{ english: { test: 'IELTS', score: 10 } }, false],
    [{ other: '\u200B' }, false],
    [{}, false],
    [{ english: { test: 'IELTS', score: 6.5 } }, true],
    [{ jlpt: 'N3' }, true],
    [{ topik: 3 }, true],
    [{ other: 'French B2' }, true],
  ])('%j → %s', (languages, complete) => expect(hasLanguageResult(languages)).toBe(complete));
});

import { describeLanguageRule, languageCertificates, meetsLanguageRule, spokenLanguages } from './language-fit';

describe('language fit', () => {
  const japan = [
    { test: 'JLPT' as const, minimum: 'N3' },
    { test: 'IELTS' as const, minimum: '6.5' },
  ];

  it('reads what a fellow speaks from the application', () => {
    expect(spokenLanguages({ english: { test: 'IELTS', score: 7 }, jlpt: 'N2', other: 'French B2' })).toEqual([
      'vi',
      'en',
      'ja',
      'fr',
    ]);
    expect(spokenLanguages({})).toEqual(['vi']);
  });

  it.each([
    [{ jlpt: 'N2' }, true],
    [{ jlpt: 'N3' }, true],
    [{ jlpt: 'N4' }, false],
    [{ english: { test: 'IELTS', score: 6.5 } }, true],
    [{ english: { test: 'IELTS', score: 6 } }, false],
    [{ english: { test: 'TOEFL', score: 110 } }, false],
    [{ topik: 6 }, false],
  ])('JLPT N3 or IELTS 6.5: %j → %s', (section, meets) => {
    expect(meetsLanguageRule(languageCertificates(section), japan)).toBe(meets);
  });

  it('a hub without a rule takes everyone', () => {
    expect(meetsLanguageRule([], [])).toBe(true);
  });

  it('says the rule as people read it', () => {
    expect(describeLanguageRule(japan)).toBe('JLPT N3 or IELTS 6.5');
  });
});

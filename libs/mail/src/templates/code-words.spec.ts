import { codeWord, codesInWords } from './code-words';
import { TEMPLATES, renderEmail } from './render';
import type { Template } from './template';

const templates = Object.entries(TEMPLATES as Record<string, Template>);
/** A snake_case token (under_review, operations_logistics) is a code, not a word a person reads. */
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
const withoutUrls = (text: string) => text.replace(/https?:\/\/\S+/g, '');

describe(codesInWords.name, () => {
  it('words one code or a stored list of codes in the recipient language', () => {
    expect(codesInWords('role', 'mentor', 'vi')).toBe('Cố vấn');
    expect(codesInWords('role', 'mentor, reviewer', 'vi')).toBe('Cố vấn, Hội đồng tuyển chọn');
    expect(codesInWords('role', 'staff,admin', 'en')).toBe('Programme staff, Administrator');
  });

  it('has a label in both languages for every code every template declares, its sample included', () => {
    for (const [name, template] of templates)
      for (const [key, enumeration] of Object.entries(template.codes ?? {}))
        for (const code of (template.sample[key] ?? '').split(/\s*,\s*/))
          for (const language of ['vi', 'en'] as const)
            // labelOf gives the code back when the vocabulary has no label for it.
            expect([name, key, code, language, codeWord(enumeration, code, language) !== code]).toEqual([
              name,
              key,
              code,
              language,
              true,
            ]);
  });
});

describe('every email template', () => {
  it.each(templates.flatMap(([name]) => (['vi', 'en'] as const).map((language) => [name, language] as const)))(
    '%s in %s renders its sample with no raw code',
    (name, language) => {
      const template = (TEMPLATES as Record<string, Template>)[name];
      const mail = renderEmail(name, language, template.sample);
      const text = withoutUrls(`${mail.subject}\n${mail.text}`);
      expect(text.match(SNAKE) ?? []).toEqual([]);
      // A declared code never reaches the reader as itself (Vietnamese: "Cố vấn", not "mentor").
      for (const key of Object.keys(template.codes ?? {}))
        for (const code of (template.sample[key] ?? '').split(/\s*,\s*/))
          if (language === 'vi') expect(text).not.toMatch(new RegExp(`\\b${code}\\b`));
    },
  );

  it('names the invitation role in the recipient language ("với vai trò: Cố vấn", never "mentor")', () => {
    const data = { ...TEMPLATES.invitation.sample, roles: 'mentor, reviewer' };
    expect(renderEmail('invitation', 'vi', data).text).toContain(
      'mời bạn tham gia chương trình Vietnam Global Biz Fellows với vai trò: Cố vấn, Hội đồng tuyển chọn.',
    );
    expect(renderEmail('invitation', 'en', data).html).toContain(
      'invites you to the Vietnam Global Biz Fellows programme as: Mentor, Selection committee.',
    );
    expect(renderEmail('pairing-approved', 'vi', TEMPLATES['pairing-approved'].sample).text).toContain('(Cố vấn)');
  });
});

import { TEMPLATES, UnknownTemplateError, renderEmail } from './render';

describe(renderEmail.name, () => {
  const data = { fullName: 'Nguyễn Văn <An>', link: 'https://vgbf.example/verify-email?token=abc&x=1' };

  it('renders the recipient language with the data, escaped in HTML only', () => {
    const vi = renderEmail('verify-email', 'vi', data);
    expect(vi.subject).toBe('Xác nhận email của bạn — VGBF');
    expect(vi.text).toContain('Chào Nguyễn Văn <An>,');
    expect(vi.text).toContain('https://vgbf.example/verify-email?token=abc&x=1');
    expect(vi.html).toContain('Chào Nguyễn Văn &lt;An&gt;,');
    expect(vi.html).toContain('href="https://vgbf.example/verify-email?token=abc&amp;x=1"');
    expect(renderEmail('verify-email', 'en', data).subject).toBe('Confirm your email — VGBF');
  });

  it('has every template in both languages with the same placeholders', () => {
    for (const template of Object.values(TEMPLATES)) {
      const keys = (t: { paragraphs: string[] }) =>
        [...t.paragraphs.join(' ').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(keys(template.vi)).toEqual(keys(template.en));
    }
  });

  it('refuses an unknown template and a missing value', () => {
    expect(() => renderEmail('nope', 'vi', {})).toThrow(UnknownTemplateError);
    expect(() => renderEmail('verify-email', 'vi', { link: 'x' })).toThrow(/fullName/);
  });

  it('adds one-click unsubscribe headers to an email that offers unsubscribing, and to no other', () => {
    const url = 'https://vgbf.example/api/v1/notifications/unsubscribe?token=abc';
    const optional = renderEmail('milestone-due-soon', 'en', {
      ...TEMPLATES['milestone-due-soon'].sample,
      unsubscribeUrl: url,
    });
    expect(optional.headers).toEqual({
      'List-Unsubscribe': `<${url}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    // A mandatory notice gets the same links in its data but offers no unsubscribe.
    const mandatory = renderEmail('milestone-overdue', 'en', {
      ...TEMPLATES['milestone-overdue'].sample,
      unsubscribeUrl: url,
    });
    expect(mandatory.headers).toBeUndefined();
    expect(renderEmail('verify-email', 'vi', TEMPLATES['verify-email'].sample).headers).toBeUndefined();
  });
});

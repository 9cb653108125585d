import { sanitizeFilename } from './filename';

describe(sanitizeFilename.name, () => {
  it.each([
    ['CV Nguyễn Văn An.pdf', 'CV Nguyễn Văn An.pdf'],
    ['Giay phep.PDF', 'Giay phep.pdf'],
    ['C:\\Users\\an\\Desktop\\cv.pdf', 'cv.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['invoice.exe', 'invoice.exe.pdf'],
    ['cv\u202Efdp.exe', 'cvfdp.exe.pdf'],
    ['  a\tb\r\nc .pdf ', 'a b c.pdf'],
    ['what?<"x">.pdf', 'what___x__.pdf'],
    ['.htaccess', 'htaccess.pdf'],
    ['', 'document.pdf'],
    [undefined, 'document.pdf'],
    ['.pdf', 'document.pdf'],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeFilename(raw)).toBe(expected);
  });

  it('keeps Vietnamese typed decomposed as one NFC form', () => {
    expect(sanitizeFilename('Nguye\u0302\u0303n.pdf')).toBe('Nguyễn.pdf');
  });

  it('shortens a long name to 150 characters without splitting one', () => {
    const name = sanitizeFilename(`${'ễ'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(150);
    expect(name.endsWith('ễ.pdf')).toBe(true);
  });
});

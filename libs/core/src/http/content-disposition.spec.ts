import { attachmentDisposition } from './content-disposition';

describe(attachmentDisposition.name, () => {
  it('gives an ASCII filename and the exact UTF-8 one as filename*', () => {
    expect(attachmentDisposition('Hồ sơ Đỗ Văn An.pdf')).toBe(
      `attachment; filename="Ho so Do Van An.pdf"; filename*=UTF-8''H%E1%BB%93%20s%C6%A1%20%C4%90%E1%BB%97%20V%C4%83n%20An.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or header-splitting characters', () => {
    const header = attachmentDisposition('a"b\\c\r\nSet-Cookie: x=1(1)*.pdf');
    expect(header).toBe(
      `attachment; filename="a_b_c__Set-Cookie: x=1(1)*.pdf"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1%281%29%2A.pdf`,
    );
    expect(header).not.toMatch(/[\r\n]/);
  });

  it('decodes back to the original name', () => {
    const name = "Giấy phép kinh doanh (bản sao) 100%'s.pdf";
    const encoded = /filename\*=UTF-8''(.+)$/.exec(attachmentDisposition(name))?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});

import { startsAsPdf } from '@vgbf/applications';
import { tinyPdf } from './tiny-pdf';

describe(tinyPdf.name, () => {
  const pdf = tinyPdf(['Curriculum vitae', 'Nguyễn Văn An (An)', 'Công ty TNHH Đất Việt \\ 2019']);
  const text = pdf.toString('latin1');

  it('passes the upload check and writes Vietnamese lines without diacritics, escaped', () => {
    expect(startsAsPdf(pdf)).toBe(true);
    expect(text).toContain('(Nguyen Van An \\(An\\)) Tj');
    expect(text).toContain('(Cong ty TNHH Dat Viet \\\\ 2019) Tj');
  });

  it('points every cross-reference entry and startxref at what they name', () => {
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    const entries = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(5);
    entries.forEach((offset, i) => expect(text.slice(offset)).toMatch(new RegExp(`^${i + 1} 0 obj\\n`)));
    const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)?.[1]);
    const start = text.indexOf('stream\n') + 'stream\n'.length;
    expect(text.slice(start + length)).toMatch(/^\nendstream/);
  });
});

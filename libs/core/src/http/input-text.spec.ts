import { MAX_JSON_DEPTH, cleanInput, jsonNestsDeeperThan } from './input-text';

describe(jsonNestsDeeperThan.name, () => {
  const nested = (n: number): string => `{"a":${'['.repeat(n - 1)}${']'.repeat(n - 1)}}`;

  it('counts objects and arrays, up to the limit included', () => {
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from(nested(5000)), MAX_JSON_DEPTH)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: '[[[[[[{{{{{{', b: '\\"[[[[[[[[', c: 'Nguyễn [[[[[[' });
    expect(jsonNestsDeeperThan(text, 1)).toBe(false);
  });
});

describe(cleanInput.name, () => {
  it('returns every string in NFC, CR LF folded to LF, tab and line feed kept', () => {
    const decomposed = 'Nguye\u0302\u0303n'; // "Nguyễn" typed as base letters and combining marks
    const { value, errors } = cleanInput({ name: decomposed, notes: ['a\r\nb\tc\n'] });
    expect(errors).toEqual([]);
    expect(value).toEqual({ name: 'Nguyễn', notes: ['a\nb\tc\n'] });
  });

  it('leaves passwords as typed (their hashes were made from the text as typed)', () => {
    const decomposed = 'Hue\u0302\u0301 2027 mật khẩu';
    expect(cleanInput({ newPassword: decomposed }).value).toEqual({ newPassword: decomposed });
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['bell', 'a\u0007b'],
    ['escape', '\u001b[31m'],
    ['a lone carriage return', 'a\rb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['an unpaired high surrogate', 'a\ud800b'],
    ['an unpaired low surrogate', 'a\udc00b'],
    ['a high surrogate at the end', 'a\ud83d'],
  ])('refuses %s, naming the field by its path', (_label, text) => {
    const { errors } = cleanInput({ referees: [{ name: 'Lan' }, { name: text }] });
    expect(errors.map((e) => e.field)).toEqual(['referees.1.name']);
  });

  it('accepts paired surrogates (emoji) and refuses bad property names', () => {
    expect(cleanInput({ note: 'chúc mừng 🎉' }).errors).toEqual([]);
    expect(cleanInput({ 'a\u0000': 1 }).errors.map((e) => e.field)).toEqual(['a\u0000']);
  });
});

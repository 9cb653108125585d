import { type OpenApiDocument, type Operation, bodyFrom, plausible, resolve } from './openapi';

/** One hostile request: where it goes, what it carries, and what the answer must be. */
export interface Probe {
  label: string;
  /** Query string appended to the path, raw (percent-encodings as given). */
  query: string;
  /** Path parameters given raw instead of the test world's ids. */
  path?: Record<string, string>;
  body?: { json: string } | { multipart: { filename: string; field: string } };
  /** '4xx': a client error, and these fields named in `errors`; 'no5xx': anything but a server error. */
  expect: '4xx' | 'no5xx';
  fields?: string[];
}

export const DEEP_LEVELS = 3_000;
const deepJson = `{"a":${'['.repeat(DEEP_LEVELS)}${']'.repeat(DEEP_LEVELS)}}`;

/** Text a field must never take: NUL, another control character, an unpaired surrogate. */
const HOSTILE_TEXT: Array<[string, string]> = [
  ['NUL', 'a\u0000b'],
  ['escape', '\u001b[2Ja'],
  ['unpaired surrogate', 'a\ud800b'],
];
/** The same as raw query-string encodings (a lone surrogate can only arrive as invalid UTF-8). */
const HOSTILE_QUERY: Array<[string, string]> = [
  ['NUL', 'a%00b'],
  ['bell', 'a%07b'],
  ['surrogate', 'a%ED%A0%80b'],
];
const BAD_NUMBERS = ['1e308', '-1', 'NaN', 'Infinity', '1.5', '99999999999999999999', 'abc', '0x10'];
const ODD_DATES = ['-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '2027-02-30', '0000-00-00'];

const encode = (pairs: Array<[string, string]>): string => pairs.map(([k, v]) => `${k}=${v}`).join('&');

/**
 * The hostile requests for one operation. `baseline` holds plausible values of its required query
 * parameters, so each probe changes one thing and a refusal is for that thing.
 */
export function probesFor(document: OpenApiDocument, operation: Operation, baseline: Array<[string, string]>): Probe[] {
  const probes: Probe[] = [];
  const without = (name: string) => baseline.filter(([k]) => k !== name);
  const names = [...operation.query.map((q) => q.name), 'undeclared'];
  for (const name of names) {
    for (const [label, value] of HOSTILE_QUERY) {
      probes.push({
        label: `query ${name} ${label}`,
        query: encode([...without(name), [name, value]]),
        expect: '4xx',
        fields: [name],
      });
    }
  }
  for (const { name, schema: raw } of operation.query) {
    const schema = resolve(document, raw);
    const bad =
      schema.type === 'integer' || schema.type === 'number'
        ? BAD_NUMBERS
        : schema.enum || schema.format === 'uuid'
          ? ['not-one-of-them', '%F0%9F%8E%89', '']
          : [];
    for (const value of bad)
      probes.push({ label: `query ${name}=${value}`, query: encode([...without(name), [name, value]]), expect: '4xx' });
    // Dates JavaScript takes and PostgreSQL may not: whatever the answer, never a 5xx.
    if (schema.format === 'date-time' || schema.format === 'date' || /^(from|to)$/.test(name))
      for (const value of ODD_DATES)
        probes.push({
          label: `query ${name}=${value}`,
          query: encode([...without(name), [name, encodeURIComponent(value)]]),
          expect: 'no5xx',
        });
  }
  const query = encode(baseline);
  for (const param of operation.pathParams) {
    probes.push({ label: `path ${param} NUL`, query, path: { [param]: 'a%00b' }, expect: '4xx', fields: [param] });
    probes.push({ label: `path ${param} not an id`, query, path: { [param]: 'not-an-id%F0%9F%8E%89' }, expect: '4xx' });
  }
  if (operation.multipart) {
    probes.push({
      label: 'multipart hostile file name and field',
      query,
      body: { multipart: { filename: 'cv\u0000\u202e\u0007../../etc/passwd.pdf', field: 'a\u0000b' } },
      expect: '4xx',
    });
  }
  if (['GET', 'HEAD'].includes(operation.method)) return probes;

  const json = (body: unknown) => ({ json: JSON.stringify(body) });
  for (const [label, text] of HOSTILE_TEXT) {
    const { body, stringPaths } = bodyFrom(document, operation.jsonBody, (leaf, schema) =>
      leaf === 'string' ? text : plausible(schema),
    );
    const hasObject = body !== null && typeof body === 'object' && !Array.isArray(body);
    const payload = hasObject && stringPaths.length ? body : { ...(hasObject ? body : {}), note: text };
    probes.push({
      label: `body ${label} in every text field`,
      query,
      body: json(payload),
      expect: '4xx',
      fields: hasObject && stringPaths.length ? stringPaths : ['note'],
    });
  }
  probes.push({
    label: 'body NUL in a property name',
    query,
    body: json({ 'a\u0000b': 'x' }),
    expect: '4xx',
    fields: ['a\u0000b'],
  });
  probes.push({ label: `body nested ${DEEP_LEVELS} levels`, query, body: { json: deepJson }, expect: '4xx' });
  for (const whole of ['[]', '"x"', 'null', '12', 'true'])
    probes.push({ label: `body ${whole}`, query, body: { json: whole }, expect: '4xx' });
  if (operation.jsonBody) {
    const wrong = bodyFrom(document, operation.jsonBody, (leaf) =>
      leaf === 'string' ? 12345 : leaf === 'number' ? 'many' : 'yes',
    );
    probes.push({ label: 'body every field of the wrong type', query, body: json(wrong.body), expect: '4xx' });
    // Every number out of range, the rest plausible: each DTO must bound its numbers.
    for (const number of [1e308, -1, 0.5]) {
      const numbers = bodyFrom(document, operation.jsonBody, (leaf, schema) =>
        leaf === 'number' ? number : plausible(schema),
      );
      if (numbers.numberPaths.length)
        probes.push({ label: `body numbers ${number}`, query, body: json(numbers.body), expect: '4xx' });
    }
  }
  return probes;
}

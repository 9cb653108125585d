import { type TestApp, createTestApp } from '../support/test-app';

type Label = { value: string; vi: string; en: string };

describe('GET /vocabulary', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves every label in both languages to anyone, cacheable by its ETag', async () => {
    const response = await t.http.get('/api/v1/vocabulary').expect(200);
    expect(response.headers.etag).toBe(`"${response.body.version}"`);
    expect(response.headers['cache-control']).toContain('public');
    const topics = response.body.enumerations.sessionTopic as Label[];
    expect(topics).toContainEqual({
      value: 'operations_logistics',
      vi: 'Vận hành và logistics',
      en: 'Operations & logistics',
    });
    expect(response.body.enumerations.region).toContainEqual({ value: 'North', vi: 'Miền Bắc', en: 'North' });
    expect(response.body.defaults.rankWeights).toEqual([100, 60, 30, 10]);
  });

  it('answers 304 without a body when the client holds the current version', async () => {
    const first = await t.http.get('/api/v1/vocabulary').expect(200);
    const again = await t.http.get('/api/v1/vocabulary').set('if-none-match', first.headers.etag).expect(304);
    expect(again.text ?? '').toBe('');
    await t.http.get('/api/v1/vocabulary').set('if-none-match', '"stale"').expect(200);
  });

  it('labels every choice the application form offers', async () => {
    const { body: options } = await t.http.get('/api/v1/applications/form-options').expect(200);
    const { body: vocabulary } = await t.http.get('/api/v1/vocabulary').expect(200);
    const labelled = (name: string) => (vocabulary.enumerations[name] as Label[]).map((l) => l.value);
    expect(labelled('sector')).toEqual(expect.arrayContaining(options.sectors));
    expect(labelled('gender')).toEqual(expect.arrayContaining(options.genders));
    expect(labelled('revenueBand')).toEqual(expect.arrayContaining(options.revenueBands));
    const provinces = (vocabulary.provinces as Array<{ value: string; region: string }>).map((p) => [
      p.value,
      p.region,
    ]);
    expect(provinces).toEqual(options.provinces.map((p: { name: string; region: string }) => [p.name, p.region]));
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TemplateItem, parseMilestonesConfig, templateErrors } from './template-rules';

const item = (overrides: Partial<Record<keyof TemplateItem, unknown>> = {}): Record<string, unknown> => ({
  code: 'market_immersion_plan',
  title: { vi: 'Kế hoạch thâm nhập thị trường', en: 'Market immersion plan' },
  description: { vi: 'Kế hoạch', en: 'A plan' },
  anchor: 'start',
  offsetMonths: 1,
  offsetDays: 0,
  evidence: ['file', 'text'],
  reviewer: 'mentor',
  pillars: ['global_management'],
  ...overrides,
});

const fields = (items: unknown): string[] => templateErrors(items).map((e) => e.field);

describe('milestone template rules', () => {
  it('accepts a valid template', () => {
    expect(templateErrors([item(), item({ code: 'final', anchor: 'end', offsetMonths: 0, offsetDays: -14 })])).toEqual(
      [],
    );
  });

  it('refuses an empty list', () => {
    expect(fields([])).toEqual(['milestones']);
  });

  it('refuses a code used twice', () => {
    expect(templateErrors([item(), item()])).toEqual([
      { field: 'milestones[1].code', message: 'code "market_immersion_plan" is used twice' },
    ]);
  });

  it.each([
    [{ offsetMonths: 13 }, 'milestones[0].offsetMonths'],
    [{ offsetDays: 181 }, 'milestones[0].offsetDays'],
    [{ offsetDays: 1.5 }, 'milestones[0].offsetDays'],
    [{ anchor: 'start', offsetDays: -3 }, 'milestones[0].offsetDays'],
    [{ anchor: 'end', offsetMonths: 1 }, 'milestones[0].offsetDays'],
    [{ anchor: 'later' }, 'milestones[0].anchor'],
    [{ evidence: [] }, 'milestones[0].evidence'],
    [{ evidence: ['video'] }, 'milestones[0].evidence'],
    [{ evidence: ['text', 'text'] }, 'milestones[0].evidence'],
    [{ reviewer: 'committee' }, 'milestones[0].reviewer'],
    [{ pillars: ['finance'] }, 'milestones[0].pillars'],
    [{ title: { vi: '', en: 'x' } }, 'milestones[0].title'],
    [{ code: 'Market Plan' }, 'milestones[0].code'],
  ])('refuses %j', (overrides, field) => {
    expect(fields([item(overrides)])).toContain(field);
  });

  it('reads the shipped config/milestones.json, a template for every track', () => {
    const raw = JSON.parse(readFileSync(join(__dirname, '../../../../config/milestones.json'), 'utf8')) as unknown;
    const config = parseMilestonesConfig(raw, [6, 9, 12]);
    expect(Object.keys(config).sort()).toEqual(['12', '6', '9']);
    expect(config['12'].map((m) => m.code)).toEqual([
      'arrival_onboarding',
      'market_immersion_plan',
      'first_partner_meetings',
      'mid_term_review',
      'partner_mou',
      'esg_practice_report',
      'final_presentation',
    ]);
  });

  it('stops the start on a bad file, naming each problem', () => {
    expect(() => parseMilestonesConfig({ tracks: { '6': [item({ evidence: [] })] } }, [6, 9])).toThrow(
      /tracks\.9 is missing[\s\S]*tracks\.6\[0\]\.evidence/,
    );
    expect(() => parseMilestonesConfig(null, [6])).toThrow(/tracks must be an object/);
  });
});

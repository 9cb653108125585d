import {
  APPLICATION_STATUSES,
  SECTIONS,
  type SectionName,
  canTransitionApplication,
  evaluateEligibility,
  missingFields,
} from '@vgbf/applications';
import type { EligibilityRule } from '@vgbf/cohorts';
import { readProgramData } from '@vgbf/config';
import { languageCertificates, meetsLanguageRule } from '@vgbf/fellows';
import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { type DemoApplicant, type DemoInput, SEARCHABLE_APPLICANT, generateDemo } from './demo-data';
import { statusCounts } from './demo-history';
import { fold } from './vietnamese';

const DAY = 86_400_000;
const now = new Date('2026-11-23T15:00:00Z');
const hubs = readProgramData('hubs.json') as DemoInput['hubs'];
const provinces = readProgramData('provinces.json') as DemoInput['provinces'];
const rules = readProgramData('eligibility.json') as EligibilityRule[];
const input: DemoInput = {
  seed: 2027,
  count: 300,
  now,
  opensAt: new Date(now.getTime() - 21 * DAY),
  closesAt: new Date(now.getTime() + 42 * DAY),
  hubs,
  provinces,
  rules,
};

/** The section DTOs as the API's ValidationPipe checks them (unknown properties are errors). */
function sectionErrors(app: DemoApplicant['application']): string[] {
  const sections: Record<SectionName, unknown> = {
    personal: app.personal,
    enterprise: app.enterprise,
    languages: app.languages,
    hubs: { ranking: app.hubPreferences },
    essays: app.essays,
    referees: { referees: app.referees },
  };
  return (Object.keys(sections) as SectionName[])
    .filter((name) => !(name === 'hubs' && app.hubPreferences.length === 0))
    .flatMap((name) =>
      validateSync(plainToInstance(SECTIONS[name] as ClassConstructor<object>, sections[name]), {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
      }).map((e) => `${name}.${e.property}: ${JSON.stringify(e.constraints ?? e.children)}`),
    );
}

describe(generateDemo.name, () => {
  const demo = generateDemo(input);
  const apps = demo.map((d) => d.application);

  it('is the same for the same seed, and different for another', () => {
    expect(generateDemo(input)).toEqual(demo);
    expect(generateDemo({ ...input, seed: 7 }).map((d) => d.fullName)).not.toEqual(demo.map((d) => d.fullName));
  });

  it('covers every status in the planned proportions', () => {
    const counts = statusCounts(300);
    expect(apps).toHaveLength(300);
    for (const status of APPLICATION_STATUSES) {
      expect(apps.filter((a) => a.status === status)).toHaveLength(counts[status]);
      expect(counts[status]).toBeGreaterThan(0);
    }
  });

  it('writes sections the API itself accepts, drafts included', () => {
    const problems = demo.flatMap((d) => sectionErrors(d.application).map((p) => `${d.fullName}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('completes every application past draft, and leaves drafts partly filled', () => {
    for (const app of apps.filter((a) => a.status !== 'draft')) expect(missingFields(app, app.documents)).toEqual([]);
    const drafts = apps.filter((a) => a.status === 'draft');
    expect(drafts.filter((a) => missingFields(a, a.documents).length > 0).length).toBeGreaterThan(drafts.length / 2);
    expect(drafts.every((a) => a.submittedAt === null && a.history.length === 0)).toBe(true);
  });

  it('uploads each document once, as a PDF with a safe name, before submitting', () => {
    for (const app of apps) {
      const kinds = app.documents.map((d) => d.kind);
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const d of app.documents) {
        expect(d.filename).toMatch(/^[^\\/<>:"|?*\p{Cc}]+\.pdf$/u);
        expect(d.uploadedAt.getTime()).toBeGreaterThanOrEqual(app.createdAt.getTime());
        expect(d.uploadedAt.getTime()).toBeLessThanOrEqual((app.submittedAt ?? app.updatedAt).getTime());
      }
    }
    expect(apps.filter((a) => a.status === 'draft' && a.documents.length > 0).length).toBeGreaterThan(0);
  });

  it('is eligible past submission, except the ineligible ones, whose history says why', () => {
    for (const app of apps.filter((a) => a.status !== 'draft')) {
      const failed = evaluateEligibility(rules, app, input.closesAt).filter((o) => !o.passed);
      if (app.status === 'ineligible') {
        expect(failed.length).toBeGreaterThan(0);
        expect(app.history.at(-1)?.reason).toBe(failed.map((o) => o.reason).join(' '));
      } else {
        expect(failed).toEqual([]);
      }
    }
  });

  it('records a history that follows the transitions table, in time order, inside the window', () => {
    for (const app of apps) {
      let status = 'draft' as (typeof app.history)[number]['from'];
      let last = app.createdAt.getTime();
      for (const change of app.history) {
        expect(change.from).toBe(status);
        expect(canTransitionApplication(change.from, change.to)).toBe(true);
        expect(change.at.getTime()).toBeGreaterThanOrEqual(last);
        status = change.to;
        last = change.at.getTime();
      }
      expect(status).toBe(app.status);
      expect(app.createdAt.getTime()).toBeGreaterThanOrEqual(input.opensAt.getTime() - 1000);
      expect(app.updatedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(app.submittedAt).toEqual(app.history[0]?.at ?? null);
    }
  });

  it('derives the region from the province as the app does', () => {
    for (const app of apps) {
      const province = app.personal.province as string | undefined;
      const region = province ? Object.entries(provinces).find(([, names]) => names.includes(province))?.[0] : null;
      expect(app.region).toBe(region ?? null);
    }
  });

  it('names people realistically: unique emails, one searchable "Nguyễn Văn An", Vietnamese diacritics', () => {
    expect(new Set(demo.map((d) => d.email)).size).toBe(demo.length);
    expect(demo.filter((d) => fold(d.fullName).includes('nguyen van an')).map((d) => d.fullName)).toEqual([
      SEARCHABLE_APPLICANT,
    ]);
    expect(demo.find((d) => d.fullName === SEARCHABLE_APPLICANT)?.application.status).toBe('under_review');
    expect(demo.filter((d) => d.fullName !== fold(d.fullName)).length).toBeGreaterThan(290);
    expect(demo.every((d) => d.fullName === d.fullName.normalize('NFC'))).toBe(true);
    // Thị is a woman's middle name, Văn a man's.
    for (const { application: a } of demo.filter((d) => / (Thị|Văn) /.test(d.fullName))) {
      if (a.personal.gender && a.personal.gender !== 'prefer_not_to_say') {
        expect(a.personal.gender).toBe(/ Thị /.test(a.personal.fullName as string) ? 'female' : 'male');
      }
    }
    expect(new Set(apps.map((a) => a.enterprise.name).filter(Boolean)).size).toBe(
      apps.filter((a) => a.enterprise.name).length,
    );
    expect(demo.filter((d) => d.language === 'vi').length).toBeGreaterThan(240);
  });

  it('makes a closed cohort before selection: submitted inside the window, reviewed after, nobody else named An', () => {
    const closed = {
      ...input,
      seed: 2026,
      count: 40,
      opensAt: new Date(now.getTime() - 190 * DAY),
      closesAt: new Date(now.getTime() - 42 * DAY),
      statuses: { under_review: 5, interviewed: 25, rejected: 10 },
      beforeSelection: true,
      searchable: false,
      exclude: demo,
    };
    const earlier = generateDemo(closed);
    expect(earlier.map((d) => d.application.status).sort()).toEqual(
      [...Array(25).fill('interviewed'), ...Array(10).fill('rejected'), ...Array(5).fill('under_review')].sort(),
    );
    for (const { application: a } of earlier) {
      expect(a.submittedAt?.getTime()).toBeLessThanOrEqual(closed.closesAt.getTime());
      for (const change of a.history.slice(1)) expect(change.at.getTime()).toBeGreaterThan(closed.closesAt.getTime());
      if (a.status === 'rejected') expect(a.history.map((c) => c.to)).not.toContain('interviewed');
    }
    const emails = new Set(demo.map((d) => d.email));
    expect(earlier.filter((d) => emails.has(d.email))).toEqual([]);
    expect(earlier.filter((d) => fold(d.fullName).includes('nguyen van an'))).toEqual([]);
    expect(() => generateDemo({ ...closed, count: 41 })).toThrow(/add up to 40, not 41/);
  });

  it('applies for the given people first, and makes every applicant placeable when asked', () => {
    const person = {
      email: 'fellow@vgbf.local',
      fullName: 'Phạm Thu Trang',
      sex: 'female' as const,
      language: 'vi' as const,
      hubPreferences: ['JP', 'SG'],
      languages: { jlpt: 'N2' },
    };
    const accepted = generateDemo({
      ...input,
      count: 40,
      statuses: { accepted: 40 },
      searchable: false,
      placeable: true,
      people: [person],
    });
    expect(accepted[0]).toMatchObject({ email: person.email, fullName: person.fullName, language: 'vi' });
    expect(accepted[0].application).toMatchObject({ hubPreferences: ['JP', 'SG'], languages: { jlpt: 'N2' } });
    expect(accepted[0].application.personal).toMatchObject({ fullName: person.fullName, gender: 'female' });
    expect(sectionErrors(accepted[0].application)).toEqual([]);
    const placeable = (d: DemoApplicant): boolean =>
      hubs.some((h) => meetsLanguageRule(languageCertificates(d.application.languages), h.languageRequirements ?? []));
    expect(accepted.every(placeable)).toBe(true);
    // Without the option some applicants (TOEIC only, IELTS 5.5) could go to no hub.
    expect(demo.every(placeable)).toBe(false);
  });
});

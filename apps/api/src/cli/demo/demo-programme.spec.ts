import type { EligibilityRule } from '@vgbf/cohorts';
import { readProgramData } from '@vgbf/config';
import { programDay } from '@vgbf/core';
import { type ApplicationLanguages, languageCertificates, meetsLanguageRule, spokenLanguages } from '@vgbf/fellows';
import { SESSION_TOPICS, answerErrors, checkpointWindow, parseFeedbackConfig } from '@vgbf/mentoring';
import { EXPERTISE_AREAS, SECTORS } from '@vgbf/solvers';
import { type DemoInput, generateDemo } from './demo-data';
import { DEMO_FELLOW_EMAIL, DEMO_MENTORS, DEMO_MENTOR_EMAIL } from './demo-mentors';
import { type ProgrammeHub, type ProgrammeInput, generateProgramme } from './demo-programme';

const DAY = 86_400_000;
const now = new Date('2026-11-23T15:00:00Z');
const startDate = '2026-07-01';
const endDate = '2027-03-31';
const hubs = (readProgramData('hubs.json') as Array<Omit<ProgrammeHub, 'minimumFellows'>>).map((h) => ({
  ...h,
  minimumFellows: 0,
}));
const feedback = parseFeedbackConfig(readProgramData('feedback.json'));
const applicants = generateDemo({
  seed: 2025,
  count: 40,
  now: new Date('2026-06-10T05:00:00Z'),
  opensAt: new Date('2025-09-04T01:00:00Z'),
  closesAt: new Date('2026-02-01T16:59:00Z'),
  hubs: hubs as unknown as DemoInput['hubs'],
  provinces: readProgramData('provinces.json') as DemoInput['provinces'],
  rules: readProgramData('eligibility.json') as EligibilityRule[],
  statuses: { accepted: 40 },
  searchable: false,
  placeable: true,
  people: [
    {
      email: DEMO_FELLOW_EMAIL,
      fullName: 'Phạm Thu Trang',
      sex: 'female',
      language: 'vi',
      hubPreferences: ['JP', 'SG'],
      languages: { jlpt: 'N2', english: { test: 'IELTS', score: 7 } },
    },
  ],
});
const input: ProgrammeInput = {
  seed: 2025,
  now,
  startDate,
  endDate,
  hubs,
  fellows: applicants.map((d, i) => ({
    key: `a${String(i).padStart(4, '0')}`,
    fullName: d.fullName,
    language: d.language,
    sector: d.application.enterprise.sector as string,
    enterpriseName: d.application.enterprise.name as string,
    languages: spokenLanguages(d.application.languages as ApplicationLanguages),
    certificates: languageCertificates(d.application.languages as ApplicationLanguages),
    hubPreferences: d.application.hubPreferences,
    selectionScore: 3 + (i % 10) / 10,
  })),
  mentors: DEMO_MENTORS,
  rankWeights: [100, 60, 30, 10],
  demoPair: { fellowKey: 'a0000', mentorEmail: DEMO_MENTOR_EMAIL },
  feedback,
};
const programmeStart = new Date('2026-07-01T02:00:00Z');

describe(generateProgramme.name, () => {
  const programme = generateProgramme(input);
  const sessions = programme.pairs.flatMap((p) => p.sessions.map((s) => ({ ...s, pair: p })));

  it('is the same for the same seed, and different for another', () => {
    expect(generateProgramme(input)).toEqual(programme);
    expect(generateProgramme({ ...input, seed: 7 }).pairs.map((p) => p.sessions.length)).not.toEqual(
      programme.pairs.map((p) => p.sessions.length),
    );
  });

  it('places every fellow in a hub whose language rule they meet, within its capacity', () => {
    const { placements } = programme.placement;
    expect(placements.map((p) => p.fellowId).sort()).toEqual(input.fellows.map((f) => f.key).sort());
    for (const hub of hubs)
      expect(placements.filter((p) => p.hub === hub.code).length).toBeLessThanOrEqual(hub.capacity);
    for (const p of placements) {
      const fellow = input.fellows.find((f) => f.key === p.fellowId)!;
      const hub = hubs.find((h) => h.code === p.hub)!;
      expect(meetsLanguageRule(fellow.certificates, hub.languageRequirements)).toBe(true);
    }
    expect(placements.find((p) => p.fellowId === 'a0000')?.hub).toBe('JP');
  });

  it('gives every fellow goals from the expertise list and one mentor, no mentor over capacity', () => {
    for (const goals of programme.goals.values()) {
      expect(goals.length).toBeGreaterThan(0);
      expect(goals.every((g) => (EXPERTISE_AREAS as readonly string[]).includes(g))).toBe(true);
    }
    expect(programme.pairs.map((p) => p.fellowKey).sort()).toEqual(input.fellows.map((f) => f.key).sort());
    for (const mentor of DEMO_MENTORS) {
      expect(programme.pairs.filter((p) => p.mentorEmail === mentor.email).length).toBeLessThanOrEqual(mentor.capacity);
    }
  });

  it('pairs the demo fellow with the demo mentor, with a rich history and one session to confirm', () => {
    const demo = programme.pairs.find((p) => p.fellowKey === 'a0000')!;
    expect(demo).toMatchObject({ mentorEmail: DEMO_MENTOR_EMAIL, locked: true });
    expect(demo.sessions.length).toBeGreaterThanOrEqual(8);
    expect(demo.sessions.map((s) => s.confirmedAt === null)).toEqual(
      demo.sessions.map((_, i, all) => i === all.length - 1),
    );
    // Logged over three days ago: the unconfirmed-session reminder has it.
    expect(demo.sessions.at(-1)!.createdAt.getTime()).toBeLessThan(now.getTime() - 3 * DAY);
  });

  it('holds sessions only in the past and after the start, 45–120 minutes, on the sessions module’s topics', () => {
    expect(sessions.length).toBeGreaterThan(150);
    for (const s of sessions) {
      expect(s.heldAt.getTime()).toBeGreaterThan(programmeStart.getTime());
      expect(s.heldAt.getTime()).toBeLessThan(now.getTime());
      expect(s.createdAt.getTime()).toBeGreaterThan(s.heldAt.getTime());
      expect(s.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (s.confirmedAt) expect(s.confirmedAt.getTime()).toBeGreaterThanOrEqual(s.createdAt.getTime());
      if (s.confirmedAt) expect(s.confirmedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(s.durationMinutes).toBeGreaterThanOrEqual(45);
      expect(s.durationMinutes).toBeLessThanOrEqual(120);
      expect(s.topics.length).toBeGreaterThan(0);
      expect(s.topics.every((t) => SESSION_TOPICS.includes(t))).toBe(true);
      expect(s.otherTopic !== null).toBe(s.topics.includes('other'));
      expect(s.notes.length).toBeGreaterThan(0);
      for (const item of s.actionItems) expect(item.dueOn! > programDay(s.heldAt)).toBe(true);
    }
  });

  it('has the fellows confirm and rate most sessions, 1–5, mostly well, leaving only the latest unconfirmed', () => {
    for (const pair of programme.pairs) {
      const confirmed = pair.sessions.map((s) => s.confirmedAt !== null);
      expect(confirmed).toEqual([...confirmed].sort((a, b) => Number(b) - Number(a)));
      expect(confirmed.filter((c) => !c).length).toBeLessThanOrEqual(2);
      for (const s of pair.sessions) {
        if (s.rating !== null) expect([1, 2, 3, 4, 5]).toContain(s.rating);
        if (!s.confirmedAt) expect(s.rating).toBeNull();
      }
    }
    const ratings = sessions.flatMap((s) => (s.rating === null ? [] : [s.rating]));
    expect(ratings.filter((r) => r >= 4).length / ratings.length).toBeGreaterThan(0.75);
    expect(ratings.some((r) => r <= 2)).toBe(true);
    // Fewer than before the at-risk rules: a pair only waits while its last confirmed session is recent.
    expect(sessions.filter((s) => !s.confirmedAt).length).toBeGreaterThanOrEqual(programme.pairs.length / 4);
  });

  it('leaves a few pairs silent for more than 30 days, so the inactivity reminder has work', () => {
    const lastHeld = programme.pairs.map((p) => p.sessions.at(-1)!.heldAt.getTime());
    const silent = lastHeld.filter((t) => t < now.getTime() - 30 * DAY);
    expect(silent.length).toBeGreaterThanOrEqual(3);
    expect(silent.length).toBeLessThan(programme.pairs.length / 4);
  });

  it('answers the first month’s checkpoint from both sides for most pairs, as its form asks, inside its window', () => {
    const month1 = feedback.checkpoints.find((c) => c.code === 'month_1')!;
    const window = checkpointWindow(month1, { startDate, endDate });
    const answers = programme.pairs.flatMap((p) => p.feedback);
    expect(answers.every((a) => a.checkpoint === 'month_1')).toBe(true);
    for (const a of answers) {
      expect(answerErrors(month1, a.answers)).toEqual([]);
      const day = programDay(a.createdAt);
      expect(day >= window.opensOn && day <= window.closesOn).toBe(true);
    }
    const both = programme.pairs.filter((p) => new Set(p.feedback.map((f) => f.authorRole)).size === 2);
    expect(both.length).toBeGreaterThan(programme.pairs.length / 2);
  });
  it('puts a handful of fellows at risk, each for one reason, and no one else (never the demo fellow)', () => {
    const { silent, lowRatings, negativeFeedback } = programme.atRisk;
    expect(silent).toHaveLength(4);
    const chosen = [...silent, ...lowRatings, ...negativeFeedback];
    expect(new Set(chosen).size).toBe(6);
    expect(chosen).not.toContain('a0000');
    for (const pair of programme.pairs) {
      const confirmed = pair.sessions.filter((s) => s.confirmedAt).map((s) => s.heldAt.getTime());
      // The at-risk rules of config/at-risk.json: 30 days; two ratings ≤ 2 among the last five; a "no" or a rating ≤ 2.
      expect(Math.max(...confirmed) < now.getTime() - 30 * DAY).toBe(silent.includes(pair.fellowKey));
      const last = pair.sessions.flatMap((s) => (s.rating === null ? [] : [s.rating])).slice(-5);
      expect(last.filter((r) => r <= 2).length >= 2).toBe(lowRatings.includes(pair.fellowKey));
      const negative = pair.feedback.some((f) =>
        Object.entries(f.answers).some(([code, v]) => v === false || (code === 'usefulness' && (v as number) <= 2)),
      );
      expect(negative).toBe(negativeFeedback.includes(pair.fellowKey));
    }
  });
});

describe('DEMO_MENTORS', () => {
  it('describes each mentor as a mentor profile holds them', () => {
    expect(new Set(DEMO_MENTORS.map((m) => m.email)).size).toBe(DEMO_MENTORS.length);
    expect(DEMO_MENTORS[0]).toMatchObject({ email: DEMO_MENTOR_EMAIL, fullName: 'Sarah Tanaka', city: 'Tokyo' });
    for (const m of DEMO_MENTORS) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: m.timeZone })).not.toThrow();
      expect(m.languages.every((l) => /^[a-z]{2}$/.test(l))).toBe(true);
      expect(m.sectors.every((s) => (SECTORS as readonly string[]).includes(s))).toBe(true);
      expect(m.expertise.every((e) => (EXPERTISE_AREAS as readonly string[]).includes(e))).toBe(true);
      expect(m.capacity).toBeGreaterThanOrEqual(2);
      expect(m.capacity).toBeLessThanOrEqual(3);
    }
    expect(DEMO_MENTORS.filter((m) => m.city === null).length).toBeGreaterThan(0);
  });
});

// The running cohort's programme, as plain data: the fellows' goals, their placement in the hubs
// (the real solver), their mentors (the real matching), months of sessions and the first checkpoint's
// feedback. Pure and deterministic for a given input, like the applicants and the committee.
import type { LanguageRequirement } from '@vgbf/cohorts';
import { parseProgramLocal, programDay } from '@vgbf/core';
import { type LanguageCertificate, meetsLanguageRule } from '@vgbf/fellows';
import {
  type ActionItem,
  type FeedbackAuthorRole,
  type FeedbackConfig,
  SESSION_TOPICS,
  type SessionMode,
  type SessionTopic,
  checkpointWindow,
  utcOffsetMinutes,
} from '@vgbf/mentoring';
import {
  DEFAULT_MATCHING_WEIGHTS,
  EXPERTISE_AREAS,
  type MatchReason,
  type MatchingInput,
  type Placement,
  type PlacementInput,
  matchMentors,
  placeFellows,
} from '@vgbf/solvers';
import type { DemoMentor } from './demo-mentors';
import { ACTION_ITEMS, NOTES, OTHER_NOTES, OTHER_TOPICS, RATING_COMMENTS, TEXT_ANSWERS } from './demo-programme-text';
import { Rng } from './random';

/** A fellow as admitted (the fellows table's snapshot), named by a key unique in the cohort. */
export interface ProgrammeFellow {
  key: string;
  fullName: string;
  language: 'vi' | 'en';
  sector: string | null;
  enterpriseName: string | null;
  /** ISO 639-1. */
  languages: string[];
  certificates: LanguageCertificate[];
  hubPreferences: string[];
  selectionScore: number | null;
}

export interface ProgrammeHub {
  code: string;
  city: string;
  timeZone: string;
  localLanguages: string[];
  capacity: number;
  minimumFellows: number;
  languageRequirements: LanguageRequirement[];
}

export interface ProgrammeInput {
  seed: number;
  now: Date;
  /** The fellows' year, calendar days in Vietnam (the cohort's programme start and its last day). */
  startDate: string;
  endDate: string;
  hubs: readonly ProgrammeHub[];
  fellows: readonly ProgrammeFellow[];
  mentors: readonly DemoMentor[];
  /** Placement points per preference rank. */
  rankWeights: number[];
  /** The pair staff fixed (a lock in the matching): the demo accounts. */
  demoPair: { fellowKey: string; mentorEmail: string };
  feedback: FeedbackConfig;
}

export interface DemoSession {
  heldAt: Date;
  durationMinutes: number;
  mode: SessionMode;
  topics: SessionTopic[];
  otherTopic: string | null;
  notes: string;
  actionItems: ActionItem[];
  /** When the mentor logged it. */
  createdAt: Date;
  confirmedAt: Date | null;
  rating: number | null;
  ratingComment: string | null;
}

export interface DemoFeedback {
  checkpoint: string;
  authorRole: FeedbackAuthorRole;
  answers: Record<string, unknown>;
  createdAt: Date;
}

export interface DemoPair {
  fellowKey: string;
  mentorEmail: string;
  score: number;
  reasons: MatchReason[];
  /** Staff fixed this pair before the matching ran. */
  locked: boolean;
  /** Oldest first. */
  sessions: DemoSession[];
  feedback: DemoFeedback[];
}

export interface DemoProgramme {
  /** Expertise each fellow wants from a mentor, by fellow key. */
  goals: Map<string, string[]>;
  placement: { input: PlacementInput; totalPoints: number; placements: Placement[]; confirmedAt: Date };
  matching: {
    input: MatchingInput;
    minScore: number | null;
    totalScore: number;
    createdAt: Date;
    approvedAt: Date;
  };
  pairs: DemoPair[];
  /** The fellows (keys) the at-risk rules should find, by rule (the milestones add their overdue ones). */
  atRisk: { silent: string[]; lowRatings: string[]; negativeFeedback: string[] };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Pairs with no session for this many days or more (the inactivity reminder starts at 30). */
const SILENT_DAYS = { min: 35, max: 60 } as const;
const SILENT_PAIRS = 4;
/** Other pairs met and confirmed a session within this many days (the at-risk rule flags silence past 30). */
const CONFIRMED_WITHIN_DAYS = 26;
/** A low rating, as the at-risk rule counts them (≤ 2, two among the last five rated). */
const LOW_RATING = 2;
const AMONG_LAST = 5;
const minutes = (ms: number): Date => new Date(Math.floor(ms / 60_000) * 60_000);

/** What fellows of a sector tend to want from a mentor, besides what everyone wants (a first buyer). */
const SECTOR_GOALS: Record<string, string[]> = {
  agriculture_food: ['export_logistics', 'legal'],
  manufacturing: ['export_logistics', 'operations'],
  technology: ['fundraising', 'technology'],
  fintech: ['legal', 'fundraising'],
  logistics: ['operations', 'export_logistics'],
  retail_ecommerce: ['marketing', 'technology'],
  tourism_hospitality: ['marketing'],
  healthcare: ['legal', 'fundraising'],
  education: ['marketing', 'fundraising'],
  energy_environment: ['esg', 'finance'],
  textiles_fashion: ['esg', 'export_logistics'],
  creative_media: ['marketing'],
};

function goalsOf(rng: Rng, sector: string | null): string[] {
  const likely = SECTOR_GOALS[sector ?? ''] ?? [];
  const goals = new Set(rng.sample(likely, rng.int(1, likely.length || 1)));
  while (goals.size < 2 || (goals.size < 3 && rng.chance(0.3))) goals.add(rng.pick(EXPERTISE_AREAS));
  return EXPERTISE_AREAS.filter((a) => goals.has(a));
}

/** The first day of a fellow's year, 09:00 in Vietnam. */
const startOf = (startDate: string): Date => parseProgramLocal(`${startDate}T09:00`) as Date;

function placement(input: ProgrammeInput) {
  const codes = new Set(input.hubs.map((h) => h.code));
  const placementInput: PlacementInput = {
    hubs: input.hubs.map((h) => ({ code: h.code, capacity: h.capacity, minimum: h.minimumFellows })),
    rankWeights: input.rankWeights,
    fellows: input.fellows.map((f) => ({
      id: f.key,
      score: f.selectionScore ?? 0,
      preferences: f.hubPreferences.filter((h) => codes.has(h)),
      eligibleHubs: input.hubs
        .filter((h) => meetsLanguageRule(f.certificates, h.languageRequirements))
        .map((h) => h.code),
      lockedHub: null,
      forbiddenHubs: [],
    })),
  };
  const result = placeFellows(placementInput);
  if (result.status !== 'optimal') throw new Error(`the demo fellows cannot be placed: ${JSON.stringify(result)}`);
  return { input: placementInput, result };
}

function matching(input: ProgrammeInput, goals: Map<string, string[]>, hubOf: Map<string, string>) {
  const start = startOf(input.startDate);
  const hubs = new Map(input.hubs.map((h) => [h.code, h]));
  const matchingInput: MatchingInput = {
    weights: DEFAULT_MATCHING_WEIGHTS,
    fellows: input.fellows.map((f) => {
      const hub = hubs.get(hubOf.get(f.key) ?? '');
      return {
        id: f.key,
        sector: f.sector,
        goals: goals.get(f.key) ?? [],
        languages: f.languages,
        organisation: f.enterpriseName,
        hub: hub
          ? {
              code: hub.code,
              city: hub.city,
              utcOffsetMinutes: utcOffsetMinutes(hub.timeZone, start),
              languages: hub.localLanguages,
            }
          : null,
      };
    }),
    mentors: input.mentors.map((m) => ({
      id: m.email,
      name: m.fullName,
      sectors: m.sectors,
      expertise: m.expertise,
      languages: m.languages,
      city: m.city,
      utcOffsetMinutes: utcOffsetMinutes(m.timeZone, start),
      capacity: m.capacity,
      organisation: m.organisation,
    })),
    conflicts: [],
    locked: [{ fellowId: input.demoPair.fellowKey, mentorId: input.demoPair.mentorEmail }],
    forbidden: [],
  };
  const result = matchMentors(matchingInput);
  if (result.status !== 'optimal') throw new Error(`the demo mentors cannot be matched: ${JSON.stringify(result)}`);
  return { input: matchingInput, result };
}

/** When the sessions were held: every 2–4 weeks, counted back from the last one, never before the start. */
function schedule(rng: Rng, start: number, last: number, demo: boolean): number[] {
  const days: number[] = [];
  for (let t = last; t >= start; t -= (demo ? rng.int(12, 17) : rng.int(14, 28)) * DAY) days.push(t);
  return days.reverse();
}

/** A round time of day (09:00–17:30) in the fellow's hub, on the day `at` falls on there: still before `at` + 1 day. */
function dayTime(rng: Rng, at: number, timeZone: string): number {
  const offset = utcOffsetMinutes(timeZone, new Date(at)) * 60_000;
  const day = Math.floor((at + offset) / DAY) * DAY;
  return day + rng.int(18, 35) * 30 * 60_000 - offset;
}

function session(
  rng: Rng,
  day: number,
  now: number,
  place: { mentor: DemoMentor; fellow: ProgrammeFellow; timeZone: string; sameCity: boolean },
): DemoSession {
  const { mentor, fellow, sameCity } = place;
  const lang = mentor.language;
  const at = dayTime(rng, day, place.timeZone);
  const topics = rng.chance(0.07)
    ? (['other'] as SessionTopic[])
    : rng.sample(
        SESSION_TOPICS.filter((t) => t !== 'other'),
        rng.weighted<number>([
          [1, 55],
          [2, 45],
        ]),
      );
  const notes = topics.flatMap((t) => (t === 'other' ? [rng.pick(OTHER_NOTES[lang])] : [rng.pick(NOTES[t][lang])]));
  const heldAt = minutes(at);
  const durationMinutes = rng.pick([45, 60, 60, 60, 75, 90, 90, 120]);
  const items = rng.sample(ACTION_ITEMS[lang], rng.weighted<number>([[0, 35], [1, 40], [2, 25]])); // prettier-ignore
  const createdAt = minutes(Math.min(now - 60_000, at + durationMinutes * 60_000 + rng.int(1, 30) * HOUR));
  const rating = rng.weighted<number>([[5, 48], [4, 38], [3, 9], [2, 4], [1, 1]]); // prettier-ignore
  const comments = RATING_COMMENTS[fellow.language][rating >= 4 ? 'good' : 'poor'];
  const rated = rng.chance(0.9);
  return {
    heldAt,
    durationMinutes,
    mode: sameCity && rng.chance(0.7) ? 'in_person' : 'online',
    topics,
    otherTopic: topics.includes('other') ? rng.pick(OTHER_TOPICS[lang]) : null,
    notes: notes.join(' '),
    actionItems: items.map((text) => ({
      text,
      dueOn: programDay(new Date(at + rng.int(7, 21) * DAY)),
    })),
    createdAt,
    confirmedAt: minutes(Math.min(now - 60_000, createdAt.getTime() + rng.int(2, 96) * HOUR)),
    rating: rated ? rating : null,
    ratingComment: rated && (rating <= 3 || rng.chance(0.3)) ? rng.pick(comments) : null,
  };
}

/** The checkpoints whose window has closed, answered by most pairs from each side, inside the window. */
function feedback(
  rng: Rng,
  input: ProgrammeInput,
  mentor: DemoMentor,
  fellow: ProgrammeFellow,
  sessions: DemoSession[],
  negative: boolean,
): DemoFeedback[] {
  const today = programDay(input.now);
  const rated = sessions.flatMap((s) => (s.rating === null ? [] : [s.rating]));
  const mood = rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : 4;
  const out: DemoFeedback[] = [];
  for (const checkpoint of input.feedback.checkpoints) {
    const window = checkpointWindow(checkpoint, { startDate: input.startDate, endDate: input.endDate });
    // Only checkpoints already closed: an open one is left for the demo accounts to answer.
    if (window.closesOn >= today) continue;
    const span = Math.round((Date.parse(window.closesOn) - Date.parse(window.opensOn)) / DAY);
    for (const [role, lang] of [
      ['fellow', fellow.language],
      ['mentor', mentor.language],
    ] as const) {
      // The one fellow unhappy with their mentor says so (a "no" and a 2); other content pairs answer content.
      const unhappy = negative && role === 'fellow';
      if (!unhappy && !rng.chance(0.85)) continue;
      const answers: Record<string, unknown> = {};
      for (const q of checkpoint.questions) {
        if (q.kind === 'rating')
          answers[q.code] = unhappy
            ? LOW_RATING
            : Math.max(mood >= 3 ? 3 : 1, Math.min(5, Math.round(mood + rng.normal(0, 0.5))));
        else if (q.kind === 'yes_no') answers[q.code] = unhappy ? false : mood >= 3 || rng.chance(0.5);
        else if (q.required || rng.chance(0.6))
          answers[q.code] = rng.pick(TEXT_ANSWERS[lang][q.code] ?? TEXT_ANSWERS[lang]._);
      }
      const day = new Date(Date.parse(window.opensOn) + rng.int(0, span) * DAY);
      const at = parseProgramLocal(`${day.toISOString().slice(0, 10)}T${String(rng.int(8, 21)).padStart(2, '0')}:00`);
      out.push({
        checkpoint: checkpoint.code,
        authorRole: role,
        answers,
        createdAt: new Date(Math.min(input.now.getTime() - 60_000, (at as Date).getTime())),
      });
    }
  }
  return out;
}

/**
 * The programme of a running cohort up to `now`: goals, a confirmed placement six weeks before the
 * start, the matching approved two weeks before it, each pair's sessions (every 2–4 weeks since the
 * start, the latest one or two not yet confirmed, a few pairs silent for over a month) and feedback.
 */
export function generateProgramme(input: ProgrammeInput): DemoProgramme {
  const rng = new Rng(input.seed);
  const now = input.now.getTime();
  const start = startOf(input.startDate).getTime();
  if (start >= now) throw new Error('the running cohort’s programme must have started');
  const goals = new Map(input.fellows.map((f) => [f.key, goalsOf(rng, f.sector)]));
  // The demo fellow wants what the demo mentor offers: their pair reads naturally.
  const demoMentor = input.mentors.find((m) => m.email === input.demoPair.mentorEmail);
  if (!demoMentor) throw new Error(`the demo mentor ${input.demoPair.mentorEmail} is not among the mentors`);
  goals.set(input.demoPair.fellowKey, demoMentor.expertise.slice(0, 2));

  const placed = placement(input);
  const hubOf = new Map(placed.result.placements.map((p) => [p.fellowId, p.hub]));
  const matched = matching(input, goals, hubOf);
  const mentors = new Map(input.mentors.map((m) => [m.email, m]));
  const fellows = new Map(input.fellows.map((f) => [f.key, f]));
  const hubs = new Map(input.hubs.map((h) => [h.code, h]));
  const approvedAt = minutes(start - 14 * DAY + rng.int(0, 8) * HOUR);

  const others = matched.result.pairs.filter((p) => p.fellowId !== input.demoPair.fellowKey);
  // A handful at risk, each for one reason: silent pairs, one fellow rating their sessions low, one
  // answering the checkpoint negatively. Everyone else stays clear of the at-risk rules.
  const chosen = rng.sample(others, SILENT_PAIRS + 2).map((p) => p.fellowId);
  const silent = new Set(chosen.slice(0, SILENT_PAIRS));
  const [lowRated, negative] = chosen.slice(SILENT_PAIRS);
  const pairs = matched.result.pairs.map((p): DemoPair => {
    const mentor = mentors.get(p.mentorId) as DemoMentor;
    const fellow = fellows.get(p.fellowId) as ProgrammeFellow;
    const demo = p.fellowId === input.demoPair.fellowKey;
    const last = demo
      ? now - 4 * DAY - rng.int(0, 6) * HOUR
      : silent.has(p.fellowId)
        ? now - rng.int(SILENT_DAYS.min, SILENT_DAYS.max) * DAY
        : now - rng.int(1, 20) * DAY - rng.int(0, 10) * HOUR;
    const hub = hubs.get(hubOf.get(p.fellowId) ?? '') as ProgrammeHub;
    const place = { mentor, fellow, timeZone: hub.timeZone, sameCity: mentor.city === hub.city };
    const sessions = schedule(rng, start + DAY, last, demo).map((day) => session(rng, day, now, place));
    // The latest one or two wait for the fellow (silent pairs' too: the fellow went quiet as well).
    let waiting = demo ? 1 : rng.weighted<number>([[0, 25], [1, 55], [2, 20]]); // prettier-ignore
    // Active pairs keep a confirmed session within the last weeks: only the silent ones look abandoned.
    const recent = now - CONFIRMED_WITHIN_DAYS * DAY;
    while (!silent.has(p.fellowId) && waiting > 0 && sessions.at(-waiting - 1)!.heldAt.getTime() < recent) waiting--;
    for (const s of sessions.slice(sessions.length - waiting)) {
      Object.assign(s, { confirmedAt: null, rating: null, ratingComment: null });
    }
    const answered = feedback(rng, input, mentor, fellow, sessions, p.fellowId === negative);
    lowRatings(rng, sessions, fellow, p.fellowId === lowRated);
    return {
      fellowKey: p.fellowId,
      mentorEmail: p.mentorId,
      score: p.score,
      reasons: p.reasons,
      locked: p.locked,
      sessions,
      feedback: answered,
    };
  });
  return {
    goals,
    placement: {
      input: placed.input,
      totalPoints: placed.result.totalPoints,
      placements: placed.result.placements,
      confirmedAt: minutes(start - 45 * DAY + rng.int(0, 8) * HOUR),
    },
    matching: {
      input: matched.input,
      minScore: matched.result.minScore,
      totalScore: matched.result.totalScore,
      createdAt: minutes(approvedAt.getTime() - rng.int(1, 3) * DAY),
      approvedAt,
    },
    pairs,
    atRisk: { silent: [...silent].sort(), lowRatings: [lowRated], negativeFeedback: [negative] },
  };
}

/**
 * The fellow chosen to be unhappy rates their last two confirmed sessions 2 and 1; anyone else keeps at
 * most one rating ≤ 2 among their last five rated sessions (a chance second one becomes a 3).
 */
function lowRatings(rng: Rng, sessions: DemoSession[], fellow: ProgrammeFellow, unhappy: boolean): void {
  const rated = sessions.filter((s) => s.rating !== null).reverse();
  if (unhappy) {
    for (const [i, s] of rated.slice(0, 2).entries()) {
      s.rating = LOW_RATING - i;
      s.ratingComment = rng.pick(RATING_COMMENTS[fellow.language].poor);
    }
    return;
  }
  for (const s of rated
    .slice(0, AMONG_LAST)
    .filter((x) => (x.rating as number) <= LOW_RATING)
    .slice(1))
    s.rating = 3;
}

// The demo applicants and their applications, as plain data: pure and deterministic for a given
// input (the seed, the cohort's window and "now"), so every seed run writes the same people.
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  EMPLOYEE_BANDS,
  JLPT_LEVELS,
  REVENUE_BANDS,
  type Region,
  evaluateEligibility,
} from '@vgbf/applications';
import type { EligibilityRule, LanguageRequirement } from '@vgbf/cohorts';
import { languageCertificates, meetsLanguageRule } from '@vgbf/fellows';
import { type DemoDocument, documentsFor } from './demo-documents';
import { type DemoStatusChange, pathTo, statusCounts, timeline } from './demo-history';
import { countryNames, writeEssays } from './essays';
import { Rng } from './random';
import {
  EXPORT_MARKETS,
  FOREIGN_NAMES,
  HUB_NAMES_VI,
  MOBILE_PREFIXES,
  OTHER_PROVINCE_WEIGHT,
  PROVINCE_WEIGHTS,
  REFEREE_RELATIONS,
  SECTOR_WEIGHTS,
  SECTOR_WORDS,
  TAX_CODE_PREFIXES,
  enterpriseName,
  fold,
  vietnameseName,
} from './vietnamese';

export interface DemoHub {
  code: string;
  name: string;
  city: string;
  partnerOrganisations: string[];
  /** The hub's language rule (none: anyone may go). */
  languageRequirements?: LanguageRequirement[];
}

/** A given person (a demo account) who applies like the generated ones, with their own name and choices. */
export interface DemoPerson {
  email: string;
  fullName: string;
  sex: 'male' | 'female';
  language: 'vi' | 'en';
  hubPreferences: string[];
  /** The application's languages section. */
  languages: Record<string, unknown>;
}

export interface DemoInput {
  seed: number;
  count: number;
  now: Date;
  opensAt: Date;
  closesAt: Date;
  hubs: DemoHub[];
  /** config/provinces.json: region → its provinces. */
  provinces: Record<Region, string[]>;
  rules: EligibilityRule[];
  /** How many applications in each status (default: {@link statusCounts} of `count`, every status). */
  statuses?: Partial<Record<ApplicationStatus, number>>;
  /** The cohort has not selected yet: no rejection after an interview or the waitlist. */
  beforeSelection?: boolean;
  /** Include the one "Nguyễn Văn An" (default true); nobody else is ever named like him. */
  searchable?: boolean;
  /** Applicants generated already (another cohort's): their emails, phones, tax codes and enterprises are taken. */
  exclude?: readonly DemoApplicant[];
  /** The first applicants are these people (demo accounts). */
  people?: readonly DemoPerson[];
  /** The status the people's applications have (default: whichever the shuffle gives them). */
  peopleStatus?: ApplicationStatus;
  /** Every applicant meets some hub's language rule: the cohort places them all (accepted fellows). */
  placeable?: boolean;
}

export interface DemoApplication {
  status: ApplicationStatus;
  personal: Record<string, unknown>;
  region: Region | null;
  enterprise: Record<string, unknown>;
  languages: Record<string, unknown>;
  hubPreferences: string[];
  essays: Record<string, unknown>;
  referees: Array<Record<string, unknown>>;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  /** Oldest first; empty for a draft. */
  history: DemoStatusChange[];
  /** Both required PDFs once submitted; some drafts have some. */
  documents: DemoDocument[];
}

export interface DemoApplicant {
  email: string;
  fullName: string;
  language: 'vi' | 'en';
  application: DemoApplication;
}

/** The one applicant a demo search for "nguyen van an" finds. */
export const SEARCHABLE_APPLICANT = 'Nguyễn Văn An';
export const DEMO_EMAIL_DOMAIN = 'applicants.vgbf.local';

interface Context {
  input: DemoInput;
  rng: Rng;
  regionOf: Map<string, Region>;
  provinceWeights: Array<[string, number]>;
  usedEmails: Set<string>;
  usedPhones: Set<string>;
  usedTaxCodes: Set<string>;
  usedEnterprises: Set<string>;
}

const DAY = 86_400_000;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const isoDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => rng.int(0, 9)).join('');
const ruleParam = (rules: EligibilityRule[], code: string, param: string, fallback: number): number =>
  Number(rules.find((r) => r.code === code)?.params[param] ?? fallback);

/** A birthday that makes the person exactly `age` on the day applications close. */
function birthdayForAge(closesAt: Date, age: number, rng: Rng): string {
  const anniversary = Date.UTC(closesAt.getUTCFullYear() - age, closesAt.getUTCMonth(), closesAt.getUTCDate());
  return isoDate(new Date(anniversary - rng.int(1, 364) * DAY));
}

type Breakable = 'max_age' | 'enterprise_min_years' | 'vietnamese_citizen';

/** Which eligibility rule an 'ineligible' application fails, among the rules the cohort has. */
function ruleToFail(ctx: Context): Breakable | null {
  const { rules, closesAt, now } = ctx.input;
  const years = ruleParam(rules, 'enterprise_min_years', 'years', 2);
  const candidates = (
    [
      ['max_age', 50],
      // Only when a company too young for the rule can already exist today.
      ['enterprise_min_years', closesAt.getUTCFullYear() - years + 1 <= now.getUTCFullYear() ? 35 : 0],
      ['vietnamese_citizen', 15],
    ] as Array<[Breakable, number]>
  ).filter(([code, w]) => w > 0 && rules.some((r) => r.code === code));
  return candidates.length ? ctx.rng.weighted(candidates) : null;
}

function phone(ctx: Context): string {
  for (;;) {
    const number = `+84${ctx.rng.pick(MOBILE_PREFIXES)}${digits(ctx.rng, 7)}`;
    if (ctx.usedPhones.has(number)) continue;
    ctx.usedPhones.add(number);
    return number;
  }
}

function taxCode(ctx: Context, province: string): string {
  for (;;) {
    const prefix = TAX_CODE_PREFIXES[province] ?? String(ctx.rng.int(10, 63));
    const branch = ctx.rng.chance(0.06) ? `-${pad(ctx.rng.int(1, 5), 3)}` : '';
    const code = `${prefix}${digits(ctx.rng, 8)}${branch}`;
    if (ctx.usedTaxCodes.has(code)) continue;
    ctx.usedTaxCodes.add(code);
    return code;
  }
}

function email(ctx: Context, fullName: string): string {
  const base = fold(fullName).split(' ').join('.');
  for (let n = 1; ; n++) {
    const candidate = `${base}${n > 1 ? n : ''}@${DEMO_EMAIL_DOMAIN}`;
    if (ctx.usedEmails.has(candidate)) continue;
    ctx.usedEmails.add(candidate);
    return candidate;
  }
}

/** Hub codes, first choice first: 1–4 distinct, popular hubs more often first. */
function hubRanking(ctx: Context): string[] {
  const popularity: Record<string, number> = { JP: 35, SG: 30, KR: 20, EU: 15 };
  const left = ctx.input.hubs.map((h) => [h.code, popularity[h.code] ?? 15] as [string, number]);
  const length = Math.min(
    left.length,
    ctx.rng.weighted<number>([
      [1, 10],
      [2, 25],
      [3, 30],
      [4, 35],
    ]),
  );
  const ranking: string[] = [];
  while (ranking.length < length) {
    const code = ctx.rng.weighted(left);
    ranking.push(code);
    left.splice(
      left.findIndex(([c]) => c === code),
      1,
    );
  }
  return ranking;
}

function languagesFor(ctx: Context, ranking: string[], language: 'vi' | 'en'): Record<string, unknown> {
  const { rng } = ctx;
  const top = ranking.slice(0, 2);
  const out: Record<string, unknown> = {};
  if (top.includes('JP') && rng.chance(0.55)) {
    out.jlpt = rng.weighted(JLPT_LEVELS.map((l, i) => [l, [5, 25, 40, 20, 10][i] ?? 1] as const));
  }
  if (top.includes('KR') && rng.chance(0.5)) {
    out.topik = rng.weighted<number>([
      [2, 10],
      [3, 30],
      [4, 30],
      [5, 20],
      [6, 10],
    ]);
  }
  if (top.includes('EU') && rng.chance(0.3)) {
    out.other = rng.pick(
      language === 'vi' ? ['Tiếng Pháp B1', 'Tiếng Đức B1', 'Tiếng Đức A2'] : ['French B2', 'German B1'],
    );
  }
  if (Object.keys(out).length === 0 || rng.chance(0.9)) {
    const test = rng.weighted([
      ['IELTS', 70],
      ['TOEFL', 15],
      ['TOEIC', 15],
    ] as const);
    const score =
      test === 'IELTS'
        ? rng.weighted<number>([
            [5.5, 8],
            [6, 18],
            [6.5, 28],
            [7, 24],
            [7.5, 12],
            [8, 7],
            [8.5, 3],
          ])
        : test === 'TOEFL'
          ? rng.int(70, 115)
          : rng.int(110, 198) * 5;
    out.english = { test, score };
  }
  return out;
}

function referees(ctx: Context, language: 'vi' | 'en'): Array<Record<string, string>> {
  const { rng } = ctx;
  const relations = rng.sample(REFEREE_RELATIONS[language], 2);
  return relations.map((relation) => {
    const name = rng.chance(0.15)
      ? rng.pick(FOREIGN_NAMES)
      : vietnameseName(rng, rng.chance(0.5) ? 'male' : 'female', rng.pick(['North', 'Central', 'South'] as const))
          .fullName;
    const local = fold(name).replace(/[^a-z0-9]+/g, '.');
    return { name, email: `${local}@${rng.pick(['example.com', 'example.org', 'example.net'])}`, relation };
  });
}

/** What a draft has so far: the first few sections, the last of them half done. */
function asDraft(
  ctx: Context,
  full: Omit<DemoApplication, 'status' | 'createdAt' | 'updatedAt' | 'submittedAt' | 'history' | 'documents'>,
  filled: number,
) {
  const { rng } = ctx;
  const some = (section: Record<string, unknown>, keep: number): Record<string, unknown> =>
    Object.fromEntries(Object.entries(section).slice(0, keep));
  const last = (i: number): boolean => i === filled - 1;
  const personal = filled >= 1 ? (last(0) ? some(full.personal, rng.int(2, 5)) : full.personal) : {};
  return {
    personal,
    region: typeof personal.province === 'string' ? full.region : null,
    enterprise: filled >= 2 ? (last(1) ? some(full.enterprise, rng.int(1, 5)) : full.enterprise) : {},
    languages: filled >= 3 ? full.languages : {},
    hubPreferences: filled >= 4 ? full.hubPreferences : [],
    essays: filled >= 5 ? (last(4) ? some(full.essays, rng.int(1, 2)) : full.essays) : {},
    referees: filled >= 6 ? full.referees : [],
  };
}

/** Whether a languages section meets the language rule of at least one of the cohort's hubs. */
const placeable = (hubs: readonly DemoHub[], section: Record<string, unknown>): boolean =>
  hubs.some((h) => meetsLanguageRule(languageCertificates(section), h.languageRequirements ?? []));

function applicant(ctx: Context, status: ApplicationStatus, searchable: boolean, person?: DemoPerson): DemoApplicant {
  const { rng, input } = ctx;
  const closeYear = input.closesAt.getUTCFullYear();
  const province = rng.weighted(ctx.provinceWeights);
  const region = ctx.regionOf.get(province) ?? null;
  const sex = person?.sex ?? (searchable ? 'male' : rng.chance(0.45) ? 'female' : 'male');
  let name = vietnameseName(rng, sex, region ?? 'North');
  while (!searchable && !person && fold(name.fullName).includes(fold(SEARCHABLE_APPLICANT))) {
    name = vietnameseName(rng, sex, region ?? 'North');
  }
  const fullName = person?.fullName ?? (searchable ? SEARCHABLE_APPLICANT : name.fullName);
  const language: 'vi' | 'en' = person?.language ?? (rng.chance(0.12) ? 'en' : 'vi');

  const breaks = status === 'ineligible' ? ruleToFail(ctx) : null;
  const maxAge = ruleParam(input.rules, 'max_age', 'maxAge', 40);
  const minYears = ruleParam(input.rules, 'enterprise_min_years', 'years', 2);
  // Founders are mostly in their thirties: the mean of two draws leans to the middle of 25–39.
  const youngest = Math.min(25, maxAge);
  const oldest = Math.min(39, maxAge);
  const age =
    breaks === 'max_age'
      ? maxAge + rng.int(1, 4)
      : Math.round((rng.int(youngest, oldest) + rng.int(youngest, oldest)) / 2);
  // Founded at 20 or later, and at least minYears before the window closes (unless that is the rule broken).
  const earliest = Math.max(closeYear - age + 20, closeYear - minYears - 14);
  const foundingYear =
    breaks === 'enterprise_min_years'
      ? rng.int(closeYear - minYears + 1, input.now.getUTCFullYear())
      : Math.max(earliest, closeYear - minYears - Math.floor(rng.float() ** 2 * 14));

  const sector = rng.weighted(Object.entries(SECTOR_WEIGHTS));
  let enterprise = enterpriseName(rng, sector);
  while (ctx.usedEnterprises.has(enterprise) || fold(enterprise).includes(fold(SEARCHABLE_APPLICANT))) {
    enterprise = enterpriseName(rng, sector);
  }
  ctx.usedEnterprises.add(enterprise);
  const bandIndex = rng.weighted(EMPLOYEE_BANDS.map((_, i) => [i, [25, 40, 22, 9, 4][i] ?? 1] as const));
  const revenueIndex = Math.max(0, Math.min(REVENUE_BANDS.length - 1, bandIndex + rng.int(-1, 0)));
  const [low, high] = [
    [2, 9],
    [10, 49],
    [50, 199],
    [200, 499],
    [500, 1500],
  ][bandIndex];
  const marketCount = rng.weighted<number>([
    [0, 20],
    [1, 25],
    [2, 25],
    [3, 18],
    [4, 12],
  ]);
  const exportMarkets = rng.sample(EXPORT_MARKETS, marketCount);
  const hubPreferences = person?.hubPreferences ?? hubRanking(ctx);
  let languages = person?.languages ?? languagesFor(ctx, hubPreferences, language);
  while (input.placeable && !placeable(input.hubs, languages)) languages = languagesFor(ctx, hubPreferences, language);
  const firstHub = input.hubs.find((h) => h.code === hubPreferences[0]) ?? input.hubs[0];
  const essayLanguage = language === 'en' || rng.chance(0.15) ? 'en' : 'vi';

  const full = {
    personal: {
      fullName,
      dateOfBirth: birthdayForAge(input.closesAt, age, rng),
      gender: rng.chance(0.02) ? 'prefer_not_to_say' : sex,
      province,
      phone: phone(ctx),
      citizenship: breaks === 'vietnamese_citizen' ? rng.pick(['US', 'AU', 'CA', 'FR', 'DE']) : 'VN',
    },
    region,
    enterprise: {
      name: enterprise,
      taxCode: taxCode(ctx, province),
      foundingYear,
      sector,
      employeesBand: EMPLOYEE_BANDS[bandIndex],
      revenueBand: REVENUE_BANDS[revenueIndex],
      exportMarkets,
    },
    languages,
    hubPreferences,
    essays: {
      ...writeEssays(rng, {
        language: essayLanguage,
        fullName,
        enterprise,
        activity: SECTOR_WORDS[sector][essayLanguage],
        province,
        foundingYear,
        yearsRunning: Math.max(1, input.now.getUTCFullYear() - foundingYear),
        markets: countryNames(exportMarkets, essayLanguage),
        hubName: essayLanguage === 'vi' ? (HUB_NAMES_VI[firstHub.code] ?? firstHub.name) : firstHub.name,
        hubCity: firstHub.city,
        partner: rng.pick(firstHub.partnerOrganisations.length ? firstHub.partnerOrganisations : [firstHub.name]),
        headcount: rng.int(low, high),
      }),
    },
    referees: referees(ctx, essayLanguage),
  };

  const outcomes = evaluateEligibility(input.rules, full, input.closesAt);
  const failed = outcomes.filter((o) => !o.passed);
  if (status !== 'ineligible' && failed.length) {
    throw new Error(`demo applicant ${fullName} would be ineligible: ${failed.map((o) => o.code).join(', ')}`);
  }
  const ineligibleReason =
    failed.map((o) => o.reason).join(' ') || 'The business registration does not match the application.';
  // How many of the six sections a draft has so far (the last of them half done).
  const filled = status !== 'draft' ? 6 : rng.chance(0.1) ? 6 : rng.int(1, 5);
  const sections = status === 'draft' ? asDraft(ctx, full, filled) : full;
  const times = timeline(rng, input, pathTo(status, rng, input.beforeSelection), language, ineligibleReason);
  const who = { fullName, email: person?.email ?? email(ctx, fullName), language, ...full };
  const kinds: DemoDocument['kind'][] =
    filled === 6 ? ['cv', 'business_registration'] : filled >= 2 && rng.chance(0.35) ? ['cv'] : [];
  return {
    email: who.email,
    fullName,
    language,
    application: {
      status,
      ...sections,
      ...times,
      documents: documentsFor(rng, who, kinds, times.createdAt, times.submittedAt ?? times.updatedAt),
    },
  };
}

/** The key of the i-th demo application of a cohort, in its committee and programme data. */
export const applicationKey = (i: number): string => `a${String(i).padStart(4, '0')}`;

/** `count` demo applicants with one application each, over every status, the same for the same input. */
export function generateDemo(input: DemoInput): DemoApplicant[] {
  const rng = new Rng(input.seed);
  const taken = input.exclude ?? [];
  const regionOf = new Map(
    Object.entries(input.provinces).flatMap(([region, names]) => names.map((n) => [n, region as Region] as const)),
  );
  const ctx: Context = {
    input,
    rng,
    regionOf,
    provinceWeights: [...regionOf.keys()].map((p) => [p, PROVINCE_WEIGHTS[p] ?? OTHER_PROVINCE_WEIGHT]),
    usedEmails: new Set([...taken, ...(input.people ?? [])].map((d) => d.email)),
    usedPhones: new Set(taken.map((d) => d.application.personal.phone as string)),
    usedTaxCodes: new Set(taken.map((d) => d.application.enterprise.taxCode as string)),
    usedEnterprises: new Set(taken.map((d) => d.application.enterprise.name as string)),
  };
  const counts = input.statuses ?? statusCounts(input.count);
  const statuses = rng.shuffle(APPLICATION_STATUSES.flatMap((s) => Array<ApplicationStatus>(counts[s] ?? 0).fill(s)));
  if (statuses.length !== input.count)
    throw new Error(`the status counts add up to ${statuses.length}, not ${input.count}`);
  // The people come first: give each the status asked for, swapping it forward from later in the list.
  for (let i = 0; input.peopleStatus && i < (input.people?.length ?? 0); i++) {
    const j = statuses.indexOf(input.peopleStatus, i);
    if (j < 0) throw new Error(`no application left in status ${input.peopleStatus} for the demo people`);
    [statuses[i], statuses[j]] = [statuses[j], statuses[i]];
  }
  const searchable = input.searchable === false ? -1 : statuses.indexOf('under_review');
  return statuses.map((status, i) => applicant(ctx, status, i === searchable, input.people?.[i]));
}

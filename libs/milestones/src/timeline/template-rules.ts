import type { FieldError } from '@vgbf/core';
import {
  CERTIFICATION_PILLARS,
  type CertificationPillar,
  DUE_ANCHORS,
  type DueAnchor,
  EVIDENCE_KINDS,
  type EvidenceKind,
  type LocalizedText,
  MILESTONE_REVIEWERS,
  type MilestoneReviewer,
} from '../entities/milestone-template.entity';

/** One milestone of a template, as config/milestones.json and `PUT …/milestone-template` give it (order = position). */
export interface TemplateItem {
  code: string;
  title: LocalizedText;
  description: LocalizedText;
  anchor: DueAnchor;
  offsetMonths: number;
  offsetDays: number;
  evidence: EvidenceKind[];
  reviewer: MilestoneReviewer;
  pillars: CertificationPillar[];
}

/** The tracks a cohort may run (months), each with its default template. */
export type MilestonesConfig = Record<string, TemplateItem[]>;

export const MAX_TEMPLATE_ITEMS = 30;
export const MAX_OFFSET_MONTHS = 12;
export const MAX_OFFSET_DAYS = 180;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
const CODE = /^[a-z][a-z0-9_]{0,39}$/;

const isText = (t: unknown, max: number): boolean =>
  typeof t === 'object' &&
  t !== null &&
  (['vi', 'en'] as const).every((k) => {
    const v = (t as Record<string, unknown>)[k];
    return typeof v === 'string' && v.trim() !== '' && v.length <= max;
  });

const inRange = (v: unknown, max: number): boolean => Number.isInteger(v) && Math.abs(v as number) <= max;

/**
 * Everything wrong with a template, as field errors (`milestones[2].offsetDays`), empty when none:
 * the same rules for the config file at start and for staff editing a cohort's template. Offsets are
 * signed: a start-anchored milestone counts forward (≥ 0), an end-anchored one back (≤ 0).
 */
export function templateErrors(items: unknown, field = 'milestones'): FieldError[] {
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_TEMPLATE_ITEMS)
    return [{ field, message: `${field} must hold 1 to ${MAX_TEMPLATE_ITEMS} milestones` }];
  const errors: FieldError[] = [];
  const push = (f: string, message: string): void => void errors.push({ field: f, message });
  const codes = new Set<string>();
  (items as Array<Partial<Record<keyof TemplateItem, unknown>> | null>).forEach((raw, i) => {
    const at = `${field}[${i}]`;
    const item = raw ?? {};
    if (typeof item.code !== 'string' || !CODE.test(item.code))
      push(`${at}.code`, 'code must be snake_case, at most 40 characters');
    else if (codes.has(item.code)) push(`${at}.code`, `code "${item.code}" is used twice`);
    else codes.add(item.code);
    if (!isText(item.title, TITLE_MAX))
      push(`${at}.title`, `title needs vi and en, each at most ${TITLE_MAX} characters`);
    if (!isText(item.description, DESCRIPTION_MAX))
      push(`${at}.description`, `description needs vi and en, each at most ${DESCRIPTION_MAX} characters`);
    if (!DUE_ANCHORS.includes(item.anchor as DueAnchor))
      push(`${at}.anchor`, `anchor must be one of: ${DUE_ANCHORS.join(', ')}`);
    if (!inRange(item.offsetMonths, MAX_OFFSET_MONTHS))
      push(
        `${at}.offsetMonths`,
        `offsetMonths must be a whole number from -${MAX_OFFSET_MONTHS} to ${MAX_OFFSET_MONTHS}`,
      );
    if (!inRange(item.offsetDays, MAX_OFFSET_DAYS))
      push(`${at}.offsetDays`, `offsetDays must be a whole number from -${MAX_OFFSET_DAYS} to ${MAX_OFFSET_DAYS}`);
    const months = Number(item.offsetMonths);
    const days = Number(item.offsetDays);
    if (item.anchor === 'start' && (months < 0 || days < 0))
      push(`${at}.offsetDays`, 'a milestone anchored at the start counts forward: offsets must not be negative');
    if (item.anchor === 'end' && (months > 0 || days > 0))
      push(`${at}.offsetDays`, 'a milestone anchored at the end counts back: offsets must not be positive');
    const evidence = item.evidence;
    if (
      !Array.isArray(evidence) ||
      evidence.length === 0 ||
      new Set(evidence).size !== evidence.length ||
      !evidence.every((k) => EVIDENCE_KINDS.includes(k as EvidenceKind))
    )
      push(`${at}.evidence`, `evidence must list at least one of: ${EVIDENCE_KINDS.join(', ')}, each once`);
    if (!MILESTONE_REVIEWERS.includes(item.reviewer as MilestoneReviewer))
      push(`${at}.reviewer`, `reviewer must be one of: ${MILESTONE_REVIEWERS.join(', ')}`);
    const pillars = item.pillars;
    if (
      !Array.isArray(pillars) ||
      new Set(pillars).size !== pillars.length ||
      !pillars.every((p) => CERTIFICATION_PILLARS.includes(p as CertificationPillar))
    )
      push(`${at}.pillars`, `pillars must be a list of: ${CERTIFICATION_PILLARS.join(', ')}, each once`);
  });
  return errors;
}

/** config/milestones.json checked whole; throws naming every problem, so a bad file stops the start. */
export function parseMilestonesConfig(raw: unknown, trackMonths: readonly number[]): MilestonesConfig {
  const tracks = (raw as { tracks?: unknown } | null)?.tracks;
  const problems: string[] = [];
  if (typeof tracks !== 'object' || tracks === null) problems.push('tracks must be an object keyed by track months');
  else {
    for (const months of trackMonths)
      if (!(String(months) in tracks)) problems.push(`tracks.${months} is missing (a cohort may run ${months} months)`);
    for (const [key, items] of Object.entries(tracks))
      for (const e of templateErrors(items, `tracks.${key}`)) problems.push(`${e.field}: ${e.message}`);
  }
  if (problems.length) throw new Error(`config/milestones.json is invalid:\n  - ${problems.join('\n  - ')}`);
  return tracks as MilestonesConfig;
}

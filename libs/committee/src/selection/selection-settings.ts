import { GENDERS, REGIONS, SECTORS } from '@vgbf/applications';
import type { FieldError } from '@vgbf/core';

const NOT_CANDIDATE = 'validation.not_a_candidate';
import { HUBS_CONSTRAINT, PINNED_IN_CONSTRAINT, PINNED_OUT_CONSTRAINT, SIZE_CONSTRAINT } from '@vgbf/solvers';
import type { SelectionRequestDto } from './dto/selection.dto';
import type { SelectionSettings } from './selection.types';

const VALUES: Record<'region' | 'gender' | 'sector', readonly string[]> = {
  region: REGIONS,
  gender: GENDERS,
  sector: SECTORS,
};

/**
 * The request checked against the cohort and its candidates (what the DTO alone cannot know), and
 * resolved to the settings stored with the run: hub capacities default to the cohort's hubs.
 * Pure: returns the field errors instead of throwing, so every problem is reported at once.
 */
export function resolveSettings(
  request: SelectionRequestDto,
  cohortHubs: Array<{ code: string; capacity: number }>,
  candidateIds: ReadonlySet<string>,
): { settings: SelectionSettings; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const known = new Set(cohortHubs.map((h) => h.code));
  const hubs = request.hubCapacities ?? cohortHubs;
  hubs.forEach((hub, i) => {
    if (!known.has(hub.code))
      errors.push({
        field: `hubCapacities.${i}.code`,
        message: `${hub.code} is not a hub of this cohort`,
        code: 'validation.hub_of_cohort',
      });
  });
  const shares = (request.shares ?? []).map((share, i) => {
    if (!VALUES[share.attribute].includes(share.value))
      errors.push({
        field: `shares.${i}.value`,
        message: `shares.${i}.value must be one of the ${share.attribute} values: ${VALUES[share.attribute].join(', ')}`,
        code: 'validation.is_in',
      });
    if (share.min === undefined && share.max === undefined)
      errors.push({
        field: `shares.${i}`,
        message: `shares.${i} needs a min, a max or both`,
        code: 'validation.share_bound',
      });
    if (share.min !== undefined && share.max !== undefined && share.min > share.max)
      errors.push({
        field: `shares.${i}.min`,
        message: `shares.${i}.min must not exceed its max`,
        code: 'validation.min_over_max',
      });
    return {
      id: share.id,
      attribute: share.attribute,
      value: share.value,
      ...(share.min === undefined ? {} : { min: share.min }),
      ...(share.max === undefined ? {} : { max: share.max }),
    };
  });
  const pinnedIn = request.pinnedIn ?? [];
  const pinnedOut = request.pinnedOut ?? [];
  const pinnedOutSet = new Set(pinnedOut);
  pinnedIn.forEach((id, i) => {
    if (!candidateIds.has(id))
      errors.push({
        field: `pinnedIn.${i}`,
        message: `${id} is not an interviewed candidate with a score`,
        code: NOT_CANDIDATE,
      });
    else if (pinnedOutSet.has(id))
      errors.push({
        field: `pinnedIn.${i}`,
        message: `${id} cannot be pinned both in and out`,
        code: 'validation.pinned_both',
      });
  });
  pinnedOut.forEach((id, i) => {
    if (!candidateIds.has(id))
      errors.push({
        field: `pinnedOut.${i}`,
        message: `${id} is not an interviewed candidate with a score`,
        code: NOT_CANDIDATE,
      });
  });
  if (pinnedIn.length > request.size)
    errors.push({
      field: 'pinnedIn',
      message: `pinnedIn has more candidates than the ${request.size} seats`,
      code: 'validation.pinned_over_size',
      params: { size: request.size },
    });
  return {
    settings: {
      scoreKind: request.scoreKind ?? 'normalized',
      size: request.size,
      hubCapacities: Object.fromEntries(hubs.map((h) => [h.code, h.capacity])),
      shares,
      pinnedIn,
      pinnedOut,
    },
    errors,
  };
}

/** The request field a constraint named by the solver comes from, for a clash's field errors. */
export function fieldOfConstraint(constraint: string, settings: SelectionSettings): string {
  switch (constraint) {
    case SIZE_CONSTRAINT:
      return 'size';
    case HUBS_CONSTRAINT:
      return 'hubCapacities';
    case PINNED_IN_CONSTRAINT:
      return 'pinnedIn';
    case PINNED_OUT_CONSTRAINT:
      return 'pinnedOut';
    default: {
      const i = settings.shares.findIndex((s) => s.id === constraint);
      return i >= 0 ? `shares.${i}` : constraint;
    }
  }
}

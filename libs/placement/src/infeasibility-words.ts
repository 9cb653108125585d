import type { HubView } from '@vgbf/cohorts';
import type { ProblemParams } from '@vgbf/core';
import { describeLanguageRule } from '@vgbf/fellows';
import type { PlacementInfeasibility } from '@vgbf/solvers';

/** A reason's code in the problem catalogue (placement.<kind>) and the values its words need. */
export interface ReasonCode {
  code: string;
  params: ProblemParams;
}

/** Up to five names, then "…": the same in either language. */
export const nameList = (names: string[]): string =>
  names.length > 5 ? `${names.slice(0, 5).join(', ')}…` : names.join(', ');

/**
 * Why no placement exists, as a catalogue code and params, so the web words it in the reader's
 * language (the `message` stays the API's English). Pure.
 */
export function placementReasonCode(
  r: PlacementInfeasibility,
  hubs: readonly HubView[],
  fellowName: (id: string) => string,
): ReasonCode {
  const hub = (code: string) => hubs.find((h) => h.code === code)?.name ?? code;
  const fellows = (ids: string[]) => nameList(ids.map(fellowName));
  switch (r.kind) {
    case 'no_hub':
      return { code: 'placement.no_hub', params: { fellows: fellows(r.fellowIds) } };
    case 'lock_forbidden':
      return { code: 'placement.lock_forbidden', params: { fellow: fellowName(r.fellowId), hub: hub(r.hub) } };
    case 'lock_over_capacity':
      return {
        code: 'placement.lock_over_capacity',
        params: { locked: r.locked, hub: hub(r.hub), capacity: r.capacity },
      };
    case 'capacity':
      return { code: 'placement.capacity', params: { needed: r.needed, available: r.available } };
    case 'minimum': {
      const rule = describeLanguageRule(hubs.find((h) => h.code === r.hub)?.languageRequirements ?? []);
      const params = { hub: hub(r.hub), minimum: r.minimum, eligible: r.eligible };
      return rule
        ? { code: 'placement.minimum_language', params: { ...params, rule } }
        : { code: 'placement.minimum', params };
    }
    case 'minimums':
      return {
        code: 'placement.minimums',
        params: { hubs: r.hubs.map(hub).join(', '), minimum: r.minimum, eligible: r.fellowIds.length },
      };
    case 'crowded':
      return {
        code: 'placement.crowded',
        params: {
          fellows: fellows(r.fellowIds),
          count: r.fellowIds.length,
          hubs: r.hubs.map(hub).join(', '),
          capacity: r.capacity,
        },
      };
  }
}

/** Someone to seat: their hubs with seats, most preferred first. */
export interface Placeable {
  id: string;
  hubs: string[];
}

/** A seated person with their usable hubs (index, preference rank), worked out once. */
interface Seated {
  person: Placeable;
  choices: Array<{ h: number; rank: number }>;
}

interface Move {
  member: Seated;
  from: number;
}

/**
 * Seats people in hubs one at a time, each in one of their hubs, within capacities, keeping the total
 * preference rank (0 for a first choice) as small as possible. Each `add` follows a shortest augmenting
 * path: it may move people already seated to another of their hubs. Adding people one at a time along
 * shortest paths keeps the placement of everyone added so far of minimum total rank (the invariant of
 * the successive-shortest-path method), and finds a placement whenever one exists.
 */
export class HubPlacement {
  private readonly hubs: string[];
  private readonly capacity: number[];
  private readonly index: Map<string, number>;
  /** People seated in each hub, in the order they were seated there. */
  private readonly seated: Seated[][];

  /** `hubs` is the iteration order (ties go to the earlier hub); capacities come from `capacity`. */
  constructor(hubs: string[], capacity: ReadonlyMap<string, number>) {
    this.hubs = [...hubs];
    this.capacity = hubs.map((hub) => capacity.get(hub) ?? 0);
    this.index = new Map(hubs.map((hub, h) => [hub, h]));
    this.seated = hubs.map(() => []);
  }

  clone(): HubPlacement {
    const copy = new HubPlacement(this.hubs, new Map(this.hubs.map((hub, h) => [hub, this.capacity[h]])));
    this.seated.forEach((people, h) => copy.seated[h].push(...people));
    return copy;
  }

  /** Seats `person`, possibly moving others; false (and nothing changed) when no placement seats everyone. */
  add(person: Placeable): boolean {
    const n = this.hubs.length;
    const cost = new Array<number>(n).fill(Infinity);
    const via = new Array<Move | null>(n).fill(null);
    const newcomer: Seated = { person, choices: this.choices(person) };
    newcomer.choices.forEach(({ h, rank }) => (cost[h] = Math.min(cost[h], rank)));
    // Bellman–Ford over hubs: moving a seated member from hub a to hub b costs rank(b) − rank(a), which
    // can be negative; the placement so far has minimum rank, so there is no negative cycle.
    for (let round = 0, changed = true; changed && round < n; round++) {
      changed = false;
      for (let a = 0; a < n; a++) {
        if (cost[a] === Infinity) continue;
        for (const member of this.seated[a]) {
          const here = member.choices.find((c) => c.h === a)!.rank;
          for (const { h: b, rank } of member.choices) {
            if (b !== a && cost[a] + rank - here < cost[b]) {
              cost[b] = cost[a] + rank - here;
              via[b] = { member, from: a };
              changed = true;
            }
          }
        }
      }
    }
    let target = -1;
    for (let h = 0; h < n; h++) {
      if (this.seated[h].length < this.capacity[h] && cost[h] < (target < 0 ? Infinity : cost[target])) target = h;
    }
    if (target < 0) return false;
    let hub = target;
    for (let move = via[hub], steps = 0; move; move = via[hub], steps++) {
      if (steps > n) throw new Error('hub placement: the augmenting path loops (a negative cycle)');
      this.seated[move.from].splice(this.seated[move.from].indexOf(move.member), 1);
      this.seated[hub].push(move.member);
      hub = move.from;
    }
    this.seated[hub].push(newcomer);
    return true;
  }

  /** Each seated person's hub. */
  placement(): Map<string, string> {
    return new Map(
      this.seated.flatMap((people, h) => people.map((p): [string, string] => [p.person.id, this.hubs[h]])),
    );
  }

  private choices(person: Placeable): Array<{ h: number; rank: number }> {
    return person.hubs.flatMap((hub, rank) => {
      const h = this.index.get(hub);
      return h === undefined || this.capacity[h] === 0 ? [] : [{ h, rank }];
    });
  }
}

// The automated attacker (tests/helpers/attacker.ts) against a synthetic population of 20,000
// responses held in memory, published two ways: with cell-key perturbation (lib/privacy/cellkey.ts)
// and, as the control, exactly with small-cell suppression only (what analysts' views did before
// issue 17). Every attack is run against both. The protected figures must never give back a
// withheld count (true 1..k-1) exactly; the control shows the same attacks do recover them.
import { describe, expect, it } from "vitest";
import { protectedCount, protectedMean, RECORD_KEY_MODULUS } from "@/lib/privacy/cellkey";
import {
  cellKeyModel,
  isolatedValueAttack,
  protectedSumSlack,
  runAttack,
  type Attack,
  type AttackNode,
  type AttackOutcome,
  type CellQuery,
  type Filter,
  type Model,
  type Oracle,
  type Publisher,
  suppressionModel,
} from "../helpers/attacker";
import { mulberry32 } from "@/lib/stats/random";

const K = 5;
const SCALE = [1, 2, 3, 4, 5] as const;
const DIMENSIONS = ["d1", "d2", "d3", "d4"] as const;

// ---------------------------------------------------------------------------------------------
// A synthetic population: skewed profile columns, a quarter of responses, quiet days.

const PROFILE: Record<string, Record<string, number>> = {
  industry: { tech: 30, finance: 15, health: 12, retail: 10, telecom: 10, manufacturing: 10, energy: 8, public: 5 },
  region: { na: 35, eu: 30, apac: 20, latam: 8, mea: 5, oceania: 2 },
  size: { micro: 10, small: 25, medium: 30, large: 25, enterprise: 10 },
  role: { engineer: 40, architect: 20, manager: 20, executive: 10, researcher: 10 },
};
const DIMENSION_NAMES = Object.keys(PROFILE);
const DAYS = 90;
const day = (i: number) => new Date(Date.UTC(2026, 8, 1 + i)).toISOString().slice(0, 10);

interface Respondent {
  key: number;
  profile: Record<string, string>;
  date: string;
  answers: Record<string, number>;
}

function population(size: number, seed: number): Respondent[] {
  const random = mulberry32(seed);
  const pick = (weights: Record<string, number>) => {
    const total = Object.values(weights).reduce((s, w) => s + w, 0);
    let r = random() * total;
    for (const [value, w] of Object.entries(weights)) if ((r -= w) < 0) return value;
    return Object.keys(weights)[0] as string;
  };
  // Most days are busy; weekends and a few holidays are quiet (a handful of responses).
  const dayWeights: Record<string, number> = {};
  for (let i = 0; i < DAYS; i++) dayWeights[day(i)] = i % 7 >= 5 ? 0.4 : i % 31 === 17 ? 0.05 : 4 + random() * 4;
  return Array.from({ length: size }, () => {
    const profile = Object.fromEntries(DIMENSION_NAMES.map((d) => [d, pick(PROFILE[d] as Record<string, number>)]));
    const answers = Object.fromEntries(DIMENSIONS.map((d) => [d, 1 + Math.floor(random() * 5)]));
    return { key: Math.floor(random() * RECORD_KEY_MODULUS), profile, date: pick(dayWeights), answers };
  });
}

/**
 * The population as bitsets (one per profile value and per day), so a cell is a few ANDs and a
 * popcount: the attacks below ask hundreds of thousands of questions.
 */
class Index {
  private readonly words: number;
  private readonly byValue = new Map<string, Uint32Array>();
  private readonly byDay = new Map<string, Uint32Array>();
  private readonly windows = new Map<string, Uint32Array>();

  constructor(readonly rows: Respondent[]) {
    this.words = Math.ceil(rows.length / 32);
    rows.forEach((r, i) => {
      for (const [d, v] of Object.entries(r.profile)) this.bits(this.byValue, `${d}=${v}`)[i >>> 5]! |= 1 << (i & 31);
      this.bits(this.byDay, r.date)[i >>> 5]! |= 1 << (i & 31);
    });
  }

  private bits(map: Map<string, Uint32Array>, key: string): Uint32Array {
    let found = map.get(key);
    if (!found) map.set(key, (found = new Uint32Array(this.words)));
    return found;
  }

  private filterBits(filter: Filter): Uint32Array {
    const out = new Uint32Array(this.words).fill(0xffffffff);
    for (const [d, values] of Object.entries(filter.values ?? {})) {
      const any = new Uint32Array(this.words);
      for (const v of values) {
        const b = this.byValue.get(`${d}=${v}`);
        if (b) for (let w = 0; w < this.words; w++) any[w]! |= b[w]!;
      }
      for (let w = 0; w < this.words; w++) out[w]! &= any[w]!;
    }
    if (filter.from !== undefined || filter.to !== undefined) {
      const id = `${filter.from}..${filter.to}`;
      let any = this.windows.get(id);
      if (!any) {
        any = new Uint32Array(this.words);
        for (const [date, b] of this.byDay)
          if ((filter.from === undefined || date >= filter.from) && (filter.to === undefined || date <= filter.to))
            for (let w = 0; w < this.words; w++) any[w]! |= b[w]!;
        this.windows.set(id, any);
      }
      for (let w = 0; w < this.words; w++) out[w]! &= any[w]!;
    }
    return out;
  }

  /** The cell's members as a bitset. */
  cell(cell: CellQuery): Uint32Array {
    const found = this.filterBits(cell.include);
    if (cell.exclude) {
      const out = this.filterBits(cell.exclude);
      for (let w = 0; w < this.words; w++) found[w]! &= ~out[w]!;
    }
    if (this.rows.length % 32) found[this.words - 1]! &= (1 << (this.rows.length % 32)) - 1;
    return found;
  }

  count(cell: CellQuery): number {
    let n = 0;
    for (let x of this.cell(cell)) {
      x -= (x >>> 1) & 0x55555555;
      x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
      n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }

  members(cell: CellQuery): Respondent[] {
    const out: Respondent[] = [];
    this.cell(cell).forEach((word, w) => {
      for (let b = 0; word !== 0 && b < 32; b++) if (word & (1 << b)) out.push(this.rows[w * 32 + b] as Respondent);
    });
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Publishers over the population (the attacker sees only these) and the oracle (the test's truth).

function protectedPublisher(index: Index): Publisher {
  const aggregate = (cell: CellQuery) => {
    const found = index.members(cell);
    return { found, agg: { n: found.length, keySum: found.reduce((s, r) => s + r.key, 0) } };
  };
  return {
    count: async (cell) => protectedCount(aggregate(cell).agg, K),
    mean: async (cell, variable) => {
      const { found, agg } = aggregate(cell);
      const sum = found.reduce((s, r) => s + (r.answers[variable] as number), 0);
      return { n: protectedCount(agg, K), mean: protectedMean(sum, agg, variable, { min: 1, max: 5 }, K) };
    },
  };
}

/** The control: exact figures, counts of 1..k-1 withheld (suppression only). */
function exactPublisher(index: Index): Publisher {
  return {
    count: async (cell) => {
      const n = index.count(cell);
      return n < K ? null : n;
    },
    mean: async (cell, variable) => {
      const found = index.members(cell);
      if (found.length < K) return { n: null, mean: null };
      return { n: found.length, mean: found.reduce((s, r) => s + (r.answers[variable] as number), 0) / found.length };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Attacks: the four of issue 17 by name, then random pairs and triples of filter sets.

const node = (cell: CellQuery, parts?: AttackNode[], exhaustive = true): AttackNode => (parts ? { cell, parts, exhaustive } : { cell });
const withValues = (filter: Filter, dimension: string, values: readonly string[]): Filter => ({
  ...filter,
  values: { ...filter.values, [dimension]: values },
});
const others = (dimension: string, values: readonly string[]) =>
  Object.keys(PROFILE[dimension] as Record<string, number>).filter((v) => !values.includes(v));

/** "The other side of a refused comparison": everyone, everyone else than A, and A (refused). */
function refusedComparison(segment: Filter): Attack {
  const target = node({ include: segment });
  return { name: "refused comparison", target, root: node({ include: {} }, [target, node({ include: {}, exclude: segment })]) };
}

/** "Shifted date windows": a segment from D against the same segment from D + 1. */
function shiftedDates(segment: Filter, from: number): Attack {
  const target = node({ include: { ...segment, from: day(from), to: day(from) } });
  const later = node({ include: { ...segment, from: day(from + 1) } });
  return { name: "shifted date windows", target, root: node({ include: { ...segment, from: day(from) } }, [target, later]) };
}

/** "Complement segments": an industry against the same industry in every region but one. */
function complementSegments(segment: Filter, region: string): Attack {
  const target = node({ include: withValues(segment, "region", [region]) });
  const rest = node({ include: withValues(segment, "region", others("region", [region])) });
  return { name: "complement segments", target, root: node({ include: segment }, [target, rest]) };
}

/** "Asking for the partner cell": a heatmap row total against each of its visible cells. */
function partnerCell(segment: Filter, region: string): Attack {
  const cells = Object.keys(PROFILE.region as Record<string, number>).map((r) => node({ include: withValues(segment, "region", [r]) }));
  const target = cells[Object.keys(PROFILE.region as Record<string, number>).indexOf(region)] as AttackNode;
  return { name: "partner cell", target, root: node({ include: segment }, cells) };
}

/** Random filter sets around a random split: pairs (segment against its rest) and triples. */
function randomAttack(random: () => number): Attack {
  const pickSome = (values: string[]) => {
    const chosen = values.filter(() => random() < 0.3);
    return chosen.length ? chosen : [values[Math.floor(random() * values.length)] as string];
  };
  const dims = DIMENSION_NAMES.filter(() => random() < 0.6);
  let base: Filter = { values: Object.fromEntries(dims.map((d) => [d, pickSome(Object.keys(PROFILE[d] as Record<string, number>))])) };
  const from = Math.floor(random() * (DAYS - 10));
  const to = Math.min(DAYS - 1, from + 2 + Math.floor(random() * 12));
  if (random() < 0.5) base = { ...base, from: day(from), to: day(to) };
  const kind = random();
  if (kind < 0.3) {
    // Date split: the first days of the window against the rest (pair) or three windows (triple).
    const a = base.from ? from : 0;
    const b = base.to ? to : DAYS - 1;
    const cut = a + Math.floor(random() * Math.min(3, b - a));
    const target = node({ include: { ...base, from: day(a), to: day(cut) } });
    if (random() < 0.5 || cut + 1 >= b)
      return {
        name: "random date pair",
        target,
        root: node({ include: { ...base, from: day(a), to: day(b) } }, [
          target,
          node({ include: { ...base, from: day(cut + 1), to: day(b) } }),
        ]),
      };
    const cut2 = cut + 1 + Math.floor(random() * (b - cut - 1));
    const middle = node({ include: { ...base, from: day(cut + 1), to: day(cut2) } });
    const last = node({ include: { ...base, from: day(cut2 + 1), to: day(b) } });
    return { name: "random date triple", target, root: node({ include: { ...base, from: day(a), to: day(b) } }, [target, middle, last]) };
  }
  const split = DIMENSION_NAMES[Math.floor(random() * DIMENSION_NAMES.length)] as string;
  const allowed = base.values?.[split] ?? Object.keys(PROFILE[split] as Record<string, number>);
  if (allowed.length < 2) return randomAttack(random);
  const shuffled = [...allowed].sort(() => random() - 0.5);
  const cut = 1 + Math.floor(random() * (shuffled.length - 1));
  const targetValues = shuffled.slice(0, cut);
  const restValues = shuffled.slice(cut);
  const target = node({ include: withValues(base, split, targetValues) });
  if (kind < 0.6 || restValues.length < 2) {
    // The rest as a filter of its own, or as "everyone else" in the base (another query path).
    const rest =
      random() < 0.5
        ? node({ include: withValues(base, split, restValues) })
        : node({ include: base, exclude: { values: { [split]: targetValues } } });
    return { name: "random pair", target, root: node({ include: base }, [target, rest]) };
  }
  if (kind < 0.8) {
    const cut2 = 1 + Math.floor(random() * (restValues.length - 1));
    const parts = [
      target,
      node({ include: withValues(base, split, restValues.slice(0, cut2)) }),
      node({ include: withValues(base, split, restValues.slice(cut2)) }),
    ];
    return { name: "random triple", target, root: node({ include: base }, parts) };
  }
  // A chain: base ⊃ refined ⊃ refined further; the target is the middle's remainder.
  const inner = DIMENSION_NAMES.filter((d) => d !== split)[Math.floor(random() * (DIMENSION_NAMES.length - 1))] as string;
  const refined = withValues(base, split, targetValues.concat(restValues.slice(0, 1)));
  const innerValues = pickSome(
    base.values?.[inner] ? [...(base.values[inner] as string[])] : Object.keys(PROFILE[inner] as Record<string, number>),
  );
  const further = withValues(refined, inner, innerValues);
  const remainder = node({ include: refined, exclude: { values: { [inner]: innerValues } } });
  const middle = node({ include: refined }, [remainder, node({ include: further })]);
  return { name: "random chain", target: remainder, root: node({ include: base }, [middle], false) };
}

// ---------------------------------------------------------------------------------------------

const rows = population(20_000, 20261201);
const index = new Index(rows);
const truth: Oracle = { count: (cell) => index.count(cell) };
const isWithheld = (attack: Attack) => {
  const n = truth.count(attack.target.cell);
  return n >= 1 && n < K;
};

/** The named attacks on every small cell the population has for them. */
function namedAttacks(): Attack[] {
  const attacks: Attack[] = [];
  const industries = Object.keys(PROFILE.industry as Record<string, number>);
  const regions = Object.keys(PROFILE.region as Record<string, number>);
  const sizes = Object.keys(PROFILE.size as Record<string, number>);
  for (const industry of industries) {
    for (const size of sizes) {
      for (const region of regions) attacks.push(refusedComparison({ values: { industry: [industry], size: [size], region: [region] } }));
      const segment = { values: { industry: [industry], size: [size] } };
      for (const region of regions) attacks.push(complementSegments(segment, region), partnerCell(segment, region));
    }
    for (let d = 0; d < DAYS - 1; d++) attacks.push(shiftedDates({ values: { industry: [industry] } }, d));
  }
  return attacks.filter(isWithheld);
}

function randomAttacks(count: number, seed: number): Attack[] {
  const random = mulberry32(seed);
  const out: Attack[] = [];
  for (let tries = 0; out.length < count && tries < count * 100; tries++) {
    const attack = randomAttack(random);
    if (isWithheld(attack)) out.push(attack);
  }
  return out;
}

async function outcomes(
  attacks: Attack[],
  publisher: Publisher,
  model: Model,
): Promise<{ attack: Attack; outcome: AttackOutcome; truth: number }[]> {
  const out = [];
  for (const attack of attacks)
    out.push({ attack, outcome: await runAttack(attack, publisher, model), truth: truth.count(attack.target.cell) });
  return out;
}

const recovered = (o: { outcome: AttackOutcome }) => o.outcome.feasible.min === o.outcome.feasible.max;

// Thousands of attacks each: seconds on a quiet machine, more beside a build on a 2-core CI runner.
describe("differencing attacks on withheld counts", { timeout: 60_000 }, () => {
  const named = namedAttacks();
  const random = randomAttacks(1500, 7);

  it("has enough small cells to attack (the test is not vacuous)", () => {
    const byName = (list: Attack[]) =>
      new Map([...new Set(list.map((a) => a.name))].map((n) => [n, list.filter((a) => a.name === n).length]));
    const counts = byName(named);
    for (const name of ["refused comparison", "shifted date windows", "complement segments", "partner cell"])
      expect(counts.get(name) ?? 0, name).toBeGreaterThanOrEqual(10);
    const randomCounts = byName(random);
    for (const name of ["random pair", "random triple", "random date pair", "random date triple", "random chain"])
      expect(randomCounts.get(name) ?? 0, name).toBeGreaterThanOrEqual(20);
  });

  it("the control: exact figures with suppression give withheld counts back, by every named attack", async () => {
    const results = await outcomes(named, exactPublisher(index), suppressionModel(K));
    for (const name of ["refused comparison", "shifted date windows", "complement segments", "partner cell"]) {
      const ofName = results.filter((r) => r.attack.name === name);
      const hits = ofName.filter((r) => recovered(r) && r.outcome.feasible.min === r.truth);
      // Partner cells fail where two cells of a row are withheld: the total then gives only their sum.
      expect(hits.length / ofName.length, name).toBeGreaterThan(name === "partner cell" ? 0.5 : 0.9);
    }
  });

  it("cell-key perturbation: no named attack recovers any withheld count, and the truth always stays possible", async () => {
    for (const { attack, outcome, truth: n } of await outcomes(named, protectedPublisher(index), cellKeyModel(K))) {
      expect(outcome.feasible.min, attack.name).toBeLessThanOrEqual(n);
      expect(outcome.feasible.max, attack.name).toBeGreaterThanOrEqual(n);
      expect(recovered({ outcome }), `${attack.name}: ${JSON.stringify(attack.target.cell)} recovered as ${n}`).toBe(false);
    }
  });

  it("cell-key perturbation: no random pair, triple or chain of filter sets recovers any withheld count", async () => {
    const exact = await outcomes(random, exactPublisher(index), suppressionModel(K));
    expect(exact.filter(recovered).length / exact.length).toBeGreaterThan(0.5);
    for (const { attack, outcome, truth: n } of await outcomes(random, protectedPublisher(index), cellKeyModel(K))) {
      expect(outcome.feasible.min).toBeLessThanOrEqual(n);
      expect(outcome.feasible.max).toBeGreaterThanOrEqual(n);
      expect(recovered({ outcome }), `${attack.name}: ${JSON.stringify(attack)} recovered as ${n}`).toBe(false);
    }
  });
});

describe("n × mean of a respondent isolated by shifted date windows", () => {
  // Every (industry, day) with exactly one respondent: the windows from D and from D + 1 differ by them.
  const isolated: { withRespondent: CellQuery; without: CellQuery; answers: Record<string, number> }[] = [];
  for (const industry of Object.keys(PROFILE.industry as Record<string, number>)) {
    for (let d = 0; d < DAYS - 1; d++) {
      const segment = { values: { industry: [industry] } };
      const alone = index.members({ include: { ...segment, from: day(d), to: day(d) } });
      if (alone.length !== 1) continue;
      isolated.push({
        withRespondent: { include: { ...segment, from: day(d) } },
        without: { include: { ...segment, from: day(d + 1) } },
        answers: (alone[0] as Respondent).answers,
      });
    }
  }

  it("finds respondents to isolate", () => {
    expect(isolated.length).toBeGreaterThanOrEqual(5);
  });

  it("the control: exact means give every answer back", async () => {
    const publisher = exactPublisher(index);
    for (const { withRespondent, without, answers } of isolated)
      for (const variable of DIMENSIONS)
        expect(await isolatedValueAttack(publisher, withRespondent, without, variable, SCALE, 1e-6)).toEqual([answers[variable]]);
  });

  it("cell-key perturbation: no answer is recovered, and the true one always stays possible", async () => {
    const publisher = protectedPublisher(index);
    let attacked = 0;
    for (const { withRespondent, without, answers } of isolated) {
      for (const variable of DIMENSIONS) {
        const possible = await isolatedValueAttack(publisher, withRespondent, without, variable, SCALE, protectedSumSlack(SCALE));
        if (possible === null) continue;
        attacked++;
        expect(possible).toContain(answers[variable]);
        expect(possible.length).toBeGreaterThanOrEqual(2);
      }
    }
    expect(attacked).toBeGreaterThanOrEqual(20);
  });
});

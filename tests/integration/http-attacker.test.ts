// The differencing attacker (tests/helpers/attacker.ts) against the live server: signed in as a
// viewer, it asks the overview API (a filter set's size and dimension means) and the comparison
// API ("everyone else" than a segment within a group) for the cells of each attack, and against
// the public results page it reads the heatmap and the total. It knows the method (the cell-key
// table, k) but not the record keys, and solves exactly for the true counts consistent with what
// was published. The test fails if any withheld count (true 1..k-1) or any isolated respondent's
// answer comes out as a single value, and checks the truth (from PostgreSQL) always stays possible.
// Attacks: the four of issue 17 by name (refused comparison, shifted date windows, complement
// segments, partner cells), random filter pairs and triples (the rest as a filter of its own or as
// "everyone else"), date pairs, and n × mean over one-day-shifted windows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEGMENT_FILTERS, segmentOptions, type SegmentKey } from "@/lib/analytics/filters";
import { readinessDimensions } from "@/lib/survey/roles";
import { instrumentV1, SURVEY_SLUG } from "@/lib/survey/instrument";
import {
  cellKeyModel,
  isolatedValueAttack,
  protectedSumSlack,
  runAttack,
  solveTree,
  type Attack,
  type AttackNode,
  type CellQuery,
  type Filter,
  type Interval,
  type Publisher,
} from "../helpers/attacker";
import { authHeaders, createAnalyst, signIn } from "../helpers/auth";
import { closeTestPool, testPool } from "../helpers/db";
import { api } from "../helpers/http";
import { mulberry32 } from "@/lib/stats/random";

const K = 5;
/** The open wave holds the most responses, so the most small cells (about 20 a day). */
const WAVE = "2026-Q4";
/** The public page is attacked on a closed wave of its own (other tests publish the others). */
const PUBLIC_WAVE = "2026-Q2";
const SCALE = [1, 2, 3, 4, 5] as const;
const DIMS: SegmentKey[] = ["industry", "region", "size", "role"];
const values = Object.fromEntries(DIMS.map((d) => [d, segmentOptions(instrumentV1, d).map((o) => o.id)])) as Record<SegmentKey, string[]>;

let viewer = "";
let admin = "";
let days: string[] = [];

beforeAll(async () => {
  const account = await createAnalyst("viewer");
  viewer = await signIn(account.email, account.password);
  admin = await signIn();
  const { rows } = await testPool().query<{ day: string }>(
    `SELECT DISTINCT to_char((r.submitted_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day
       FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
      WHERE s.slug = $1 AND w.code = $2 AND r.status = 'complete' ORDER BY 1`,
    [SURVEY_SLUG, WAVE],
  );
  days = rows.map((r) => r.day);
}, 60_000);
afterAll(async () => {
  await api(`/api/v1/surveys/${SURVEY_SLUG}/waves/${PUBLIC_WAVE}/publication`, {
    method: "PUT",
    body: { published: false },
    cookie: admin,
    headers: authHeaders(),
  });
  await closeTestPool();
});

// ---------------------------------------------------------------------------------------------
// The truth (PostgreSQL) and the publisher (the viewer's API).

function sqlOf(filter: Filter, params: unknown[]): string {
  const parts: string[] = [];
  for (const [dim, allowed] of Object.entries(filter.values ?? {})) {
    params.push(allowed);
    parts.push(`r.${SEGMENT_FILTERS[dim as SegmentKey].column} = ANY($${params.length}::text[])`);
  }
  const day = `(r.submitted_at AT TIME ZONE 'UTC')::date`;
  if (filter.from) parts.push(`${day} >= '${filter.from}'::date`);
  if (filter.to) parts.push(`${day} <= '${filter.to}'::date`);
  return parts.length ? parts.join(" AND ") : "true";
}

async function truth(cell: CellQuery, wave = WAVE): Promise<number> {
  const params: unknown[] = [SURVEY_SLUG, wave];
  const include = sqlOf(cell.include, params);
  const exclude = cell.exclude ? ` AND NOT (${sqlOf(cell.exclude, params)})` : "";
  const { rows } = await testPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM response r JOIN wave w ON w.id = r.wave_id JOIN survey s ON s.id = w.survey_id
      WHERE s.slug = $1 AND w.code = $2 AND r.status = 'complete' AND ${include}${exclude}`,
    params,
  );
  return rows[0]?.n ?? 0;
}

function query(filter: Filter, prefix = ""): [string, string][] {
  const out: [string, string][] = [[`${prefix}wave`, WAVE]];
  for (const [dim, allowed] of Object.entries(filter.values ?? {})) for (const v of allowed) out.push([`${prefix}${dim}`, v]);
  if (filter.from) out.push([`${prefix}from`, filter.from]);
  if (filter.to) out.push([`${prefix}to`, filter.to]);
  return out;
}

interface OverviewBody {
  complete: number | null;
  reportable: boolean;
  dimensions: { id: string; filtered: { mean: number } | null }[];
}

const cache = new Map<string, Promise<unknown>>();
function get<T>(path: string): Promise<T> {
  let hit = cache.get(path);
  if (!hit) {
    hit = api<T>(path, { cookie: viewer }).then((r) => {
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    });
    cache.set(path, hit);
  }
  return hit as Promise<T>;
}

const overview = (filter: Filter) => get<OverviewBody>(`/api/v1/analytics/overview?${new URLSearchParams(query(filter))}`);

/** "Everyone else" than `exclude` within `include`, from the comparison (A = include ∩ exclude). */
async function everyoneElse(cell: CellQuery): Promise<number | null> {
  const a: Filter = { ...cell.include, values: { ...cell.include.values, ...cell.exclude?.values } };
  const params = new URLSearchParams([...query(a, "a_"), ["b", "rest"], ...query(cell.include, "b_")]);
  const body = await get<{ nB: number | null; problem: string | null }>(`/api/v1/analytics/compare?${params}`);
  if (body.problem) throw new Error(`the comparison refused the query itself: ${body.problem}`);
  return body.nB;
}

const viewerApi: Publisher = {
  count: async (cell) => (cell.exclude ? everyoneElse(cell) : (await overview(cell.include)).complete),
  mean: async (cell, variable) => {
    const body = await overview(cell.include);
    const mean = body.dimensions.find((d) => d.id === variable)?.filtered?.mean;
    // The overview states dimension means on 0-100; the attacker turns them back into the 1-5 scale.
    return { n: body.complete, mean: mean === undefined || body.complete === null ? null : 1 + (mean / 100) * 4 };
  },
};

// ---------------------------------------------------------------------------------------------
// Attacks on the viewer's API.

const node = (cell: CellQuery, parts?: AttackNode[], exhaustive = true): AttackNode => (parts ? { cell, parts, exhaustive } : { cell });
const withValues = (filter: Filter, dim: string, chosen: readonly string[]): Filter => ({
  ...filter,
  values: { ...filter.values, [dim]: chosen },
});
const othersOf = (dim: SegmentKey, chosen: readonly string[]) => values[dim].filter((v) => !chosen.includes(v));

const refusedComparison = (segment: Filter): Attack => {
  const target = node({ include: segment });
  return { name: "refused comparison", target, root: node({ include: {} }, [target, node({ include: {}, exclude: segment })]) };
};
const shiftedDates = (segment: Filter, i: number): Attack => {
  const target = node({ include: { ...segment, from: days[i], to: days[i] } });
  const later = node({ include: { ...segment, from: days[i + 1] } });
  return { name: "shifted date windows", target, root: node({ include: { ...segment, from: days[i] } }, [target, later]) };
};
const complementSegments = (segment: Filter, region: string): Attack => {
  const target = node({ include: withValues(segment, "region", [region]) });
  const rest = node({ include: withValues(segment, "region", othersOf("region", [region])) });
  return { name: "complement segments", target, root: node({ include: segment }, [target, rest]) };
};
const partnerCell = (segment: Filter, region: string): Attack => {
  const cells = values.region.map((r) => node({ include: withValues(segment, "region", [r]) }));
  return { name: "partner cell", target: cells[values.region.indexOf(region)] as AttackNode, root: node({ include: segment }, cells) };
};

function randomAttack(random: () => number): Attack {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const some = (xs: string[]) => {
    const chosen = xs.filter(() => random() < 0.3);
    return chosen.length ? chosen : [pick(xs)];
  };
  const dims = DIMS.filter(() => random() < 0.5);
  let base: Filter = { values: Object.fromEntries(dims.map((d) => [d, some(values[d])])) };
  const start = Math.floor(random() * (days.length - 8));
  if (random() < 0.4) base = { ...base, from: days[start], to: days[start + 2 + Math.floor(random() * 5)] };
  const kind = random();
  if (kind < 0.25 && base.from && base.to) {
    const cut = days[start + Math.floor(random() * 2)] as string;
    const after = days[days.indexOf(cut) + 1] as string;
    const target = node({ include: { ...base, to: cut } });
    return { name: "random date pair", target, root: node({ include: base }, [target, node({ include: { ...base, from: after } })]) };
  }
  const split = pick(DIMS);
  const allowed = base.values?.[split] ?? values[split];
  if (allowed.length < 2) return randomAttack(random);
  const shuffled = [...allowed].sort(() => random() - 0.5);
  const cut = 1 + Math.floor(random() * (shuffled.length - 1));
  const mine = shuffled.slice(0, cut);
  const rest = shuffled.slice(cut);
  const target = node({ include: withValues(base, split, mine) });
  if (kind < 0.7 || rest.length < 2) {
    const other =
      random() < 0.5 ? node({ include: withValues(base, split, rest) }) : node({ include: base, exclude: { values: { [split]: mine } } });
    return { name: "random pair", target, root: node({ include: base }, [target, other]) };
  }
  const cut2 = 1 + Math.floor(random() * (rest.length - 1));
  const parts = [
    target,
    node({ include: withValues(base, split, rest.slice(0, cut2)) }),
    node({ include: withValues(base, split, rest.slice(cut2)) }),
  ];
  return { name: "random triple", target, root: node({ include: base }, parts) };
}

const isSmall = (n: number) => n >= 1 && n < K;

/** Runs attacks whose target is withheld (true 1..k-1); returns how many ran, by name. */
async function attackAll(attacks: Attack[], limitPerName: number): Promise<Map<string, number>> {
  const ran = new Map<string, number>();
  for (const attack of attacks) {
    if ((ran.get(attack.name) ?? 0) >= limitPerName) continue;
    const n = await truth(attack.target.cell);
    if (!isSmall(n)) continue;
    const outcome = await runAttack(attack, viewerApi, cellKeyModel(K));
    const where = `${attack.name} on ${JSON.stringify(attack.target.cell)}`;
    expect(outcome.feasible.min, `${where}: the truth ${n} must stay possible`).toBeLessThanOrEqual(n);
    expect(outcome.feasible.max, `${where}: the truth ${n} must stay possible`).toBeGreaterThanOrEqual(n);
    expect(outcome.feasible.max > outcome.feasible.min, `${where}: recovered exactly as ${n}`).toBe(true);
    ran.set(attack.name, (ran.get(attack.name) ?? 0) + 1);
  }
  return ran;
}

describe("the differencing attacker against the live server, as a viewer", () => {
  it("recovers no withheld count by the four named attacks of issue 17", async () => {
    const attacks: Attack[] = [];
    const random = mulberry32(17);
    for (let i = 0; i < 400; i++) {
      const industry = values.industry[Math.floor(random() * values.industry.length)] as string;
      const size = values.size[Math.floor(random() * values.size.length)] as string;
      const region = values.region[Math.floor(random() * values.region.length)] as string;
      const segment: Filter = { values: { industry: [industry], size: [size] } };
      attacks.push(refusedComparison({ values: { industry: [industry], size: [size], region: [region] } }));
      attacks.push(complementSegments(segment, region), partnerCell(segment, region));
      attacks.push(shiftedDates({ values: { industry: [industry] } }, Math.floor(random() * (days.length - 1))));
    }
    const ran = await attackAll(attacks, 12);
    for (const name of ["refused comparison", "shifted date windows", "complement segments", "partner cell"])
      expect(ran.get(name) ?? 0, `${name}: attacks run`).toBeGreaterThanOrEqual(5);
  }, 600_000);

  it("recovers no withheld count from random filter pairs, triples and date pairs", async () => {
    const random = mulberry32(2026);
    const attacks = Array.from({ length: 600 }, () => randomAttack(random));
    const ran = await attackAll(attacks, 25);
    for (const name of ["random pair", "random triple", "random date pair"])
      expect(ran.get(name) ?? 0, `${name}: attacks run`).toBeGreaterThanOrEqual(5);
  }, 600_000);

  it("recovers no isolated respondent's answer from n × mean over windows a day apart", async () => {
    const variables = readinessDimensions(instrumentV1).map((d) => d.question.id);
    let attacked = 0;
    for (const industry of values.industry) {
      for (let i = 0; i + 1 < days.length && attacked < 8; i++) {
        const segment = { values: { industry: [industry] } };
        if ((await truth({ include: { ...segment, from: days[i], to: days[i] } })) !== 1) continue;
        for (const variable of variables.slice(0, 2)) {
          const possible = await isolatedValueAttack(
            viewerApi,
            { include: { ...segment, from: days[i] } },
            { include: { ...segment, from: days[i + 1] } },
            variable,
            SCALE,
            protectedSumSlack(SCALE),
          );
          if (possible === null) continue;
          attacked++;
          expect(possible.length, `${industry} on ${days[i]}, ${variable}: one answer left`).toBeGreaterThan(1);
        }
      }
    }
    expect(attacked).toBeGreaterThanOrEqual(4);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------
// The public page's data: its total against its heatmap cells (the partner-cell attack on a page
// nobody can filter).

describe("the differencing attacker against the public results page", () => {
  it("recovers no withheld heatmap cell from the page's total and its other cells", async () => {
    const published = await api(`/api/v1/surveys/${SURVEY_SLUG}/waves/${PUBLIC_WAVE}/publication`, {
      method: "PUT",
      body: { published: true, panels: ["readiness_by_segment"] },
      cookie: admin,
      headers: authHeaders(),
    });
    expect(published.status).toBe(200);
    const page = await api<string>(`/results/${SURVEY_SLUG}/${PUBLIC_WAVE}`);
    expect(page.status).toBe(200);
    const html = page.body;
    const total = /About (?:<!-- -->)?([\d,]+)(?:<!-- -->)? responses/.exec(html);
    expect(total).not.toBeNull();
    const cells = new Map<string, number | null>();
    for (const m of html.matchAll(/data-cell="([^"]+)"[^>]*>(.*?)<\/td>/gs)) {
      const n = /n=(?:<!-- -->)?(\d+)/.exec(m[2] ?? "");
      cells.set(m[1] as string, n ? Number(n[1]) : null);
    }
    expect(cells.size).toBe(values.industry.length * values.region.length);
    const model = cellKeyModel(K);
    const parts = new Map([...cells.keys()].map((key) => [key, node({ include: {} })]));
    const root = node({ include: {} }, [...parts.values()]);
    const observed = new Map<AttackNode, Interval>([[root, model(Number((total?.[1] ?? "").replaceAll(",", "")))]]);
    for (const [key, part] of parts) observed.set(part, model(cells.get(key) ?? null));
    let attacked = 0;
    for (const [key, part] of parts) {
      const [industry, region] = key.split(":") as [string, string];
      const n = await truth({ include: { values: { industry: [industry], region: [region] } } }, PUBLIC_WAVE);
      if (!isSmall(n)) continue;
      attacked++;
      const feasible = solveTree(root, part, observed);
      expect(feasible.min, `${key}: the truth ${n} must stay possible`).toBeLessThanOrEqual(n);
      expect(feasible.max, `${key}: the truth ${n} must stay possible`).toBeGreaterThanOrEqual(n);
      expect(feasible.max > feasible.min, `${key}: recovered exactly as ${n}`).toBe(true);
    }
    expect(attacked).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

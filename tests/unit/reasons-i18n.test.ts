// The recommender's reasons in every respondent language (issue 19): profiles that together fire
// every rule and every latency wording render, in each locale, with every value filled, regions in
// that language, and no English left but proper nouns and the loanwords the catalogs use.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LATENCY_BUDGET_IDS, MODEL_SIZE_IDS, REGION_IDS, TRAFFIC_SHAPE_IDS, USER_GEOGRAPHY_IDS } from "@/lib/architecture/assumptions";
import { ARCHITECTURE_IDS, ARCHITECTURES, getArchitecture } from "@/lib/architecture/catalog";
import { emptyProfile, type WorkloadProfile } from "@/lib/architecture/profile";
import { RULES, recommend, siteOf } from "@/lib/architecture/recommend";
import {
  ENGLISH_REASONS,
  englishReason,
  reasonMessage,
  renderReason,
  type ReasonMessage,
  type ReasonNames,
} from "@/lib/architecture/reasons";
import { LOCALES } from "@/lib/i18n/locales";
import { bundledInstruments } from "@/lib/survey/instruments";
import { codeOf, findQuestionByRole, roleOptions } from "@/lib/survey/roles";
import { localizeInstrument } from "@/lib/survey/translations";

const ROOT = path.resolve(__dirname, "../..");
const catalog = (locale: string) =>
  JSON.parse(readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8")) as Record<string, unknown>;

const profile = (overrides: Partial<WorkloadProfile>): WorkloadProfile => ({ ...emptyProfile(), ...overrides });

/** Profiles that together fire every rule, every latency wording and every select branch. */
function profiles(): WorkloadProfile[] {
  const list: WorkloadProfile[] = [
    emptyProfile(),
    profile({
      homeRegion: "western_europe",
      workloads: ["batch_analytics", "realtime_chat", "autonomous_agents", "search_rag", "on_device"],
      modelSizes: ["frontier"],
      latencyBudget: "lt_100ms",
      userGeography: "global",
      trafficShape: "bursty",
      sovereignty: true,
      infraCurrent: ["central_cloud", "on_prem_gpu", "distributed_edge"],
      infraPlanned: ["hybrid", "on_device"],
    }),
  ];
  const sizes = [["small_domain"], ["mid"], ["frontier"], ["small_domain", "mid"], [...MODEL_SIZE_IDS]];
  for (const latencyBudget of LATENCY_BUDGET_IDS) {
    for (const userGeography of USER_GEOGRAPHY_IDS) {
      for (const trafficShape of TRAFFIC_SHAPE_IDS) {
        for (const modelSizes of sizes) {
          list.push(profile({ homeRegion: "east_asia", latencyBudget, userGeography, trafficShape, modelSizes, workloads: ["on_device"] }));
        }
      }
    }
  }
  return list;
}

/** Every distinct reason message the profiles produce, nested phrases included. */
function allMessages(): ReasonMessage[] {
  const seen = new Map<string, ReasonMessage>();
  const firedRules = new Set<string>();
  for (const p of profiles()) {
    const result = recommend(p);
    result.rulesFired.forEach((id) => firedRules.add(id));
    for (const entry of result.ranked) {
      for (const message of entry.reasonMessages) seen.set(JSON.stringify(message), message);
      // The trade-off sentence under the reasons is a message of the same namespace.
      seen.set(JSON.stringify(entry.tradeoffMessage), entry.tradeoffMessage);
    }
  }
  expect(RULES.map((rule) => rule.id).filter((id) => !firedRules.has(id))).toEqual([]);
  // The latency reasons name only the largest causes, so some sites and traffic shapes never appear above.
  for (const traffic of TRAFFIC_SHAPE_IDS) {
    const message = reasonMessage("causeQueue", { traffic, ms: 42 });
    seen.set(JSON.stringify(message), message);
  }
  for (const id of ARCHITECTURE_IDS) {
    const message = reasonMessage("causeNetwork", {
      site: siteOf(id, profile({ homeRegion: "south_asia" })),
      ms: 42,
      region: { region: "latin_america" },
    });
    seen.set(JSON.stringify(message), message);
  }
  // Every profile has users somewhere, so the trade-off's "no estimate" wording is only a fallback.
  const noEstimate = reasonMessage("tradeoffCentral", { worst: reasonMessage("tradeoffNoEstimate") });
  seen.set(JSON.stringify(noEstimate), noEstimate);
  return [...seen.values()];
}

function keysUsed(message: ReasonMessage, into: Set<string>, selects: Map<string, Set<string>>): void {
  into.add(message.key);
  for (const [name, value] of Object.entries(message.values)) {
    if (typeof value === "string") selects.set(`${message.key}.${name}`, (selects.get(`${message.key}.${name}`) ?? new Set()).add(value));
    else if (typeof value === "object" && "key" in value) keysUsed(value, into, selects);
  }
}

/** The region names of the bundled instrument in one language, by code (as the result page gets them). */
function regionNamesIn(locale: string): Record<string, string> {
  const instrument = localizeInstrument(bundledInstruments[0]!, locale);
  const question = findQuestionByRole(instrument, "region")!;
  return Object.fromEntries(roleOptions(instrument, question).map((option) => [codeOf(option), option.label]));
}

/** Latin-script words a translation may share with English: names, units and the catalogs' loanwords. */
const KEPT = new Set(
  [
    ...ARCHITECTURES.flatMap((a) => a.name.split(/[^A-Za-z]+/)),
    ...["ms", "s", "b", "gb", "gpu", "gpus", "rag", "token", "tokens", "edge", "cloud", "hub", "pool", "endpoint", "endpoints"],
    ...["cluster", "clusters", "streaming", "on", "premises", "offline", "data", "center", "router", "pipeline", "traffic"],
    ...["frontier", "round", "trip", "workloads", "deployment", "monitoring", "batch", "chat", "sites", "site", "hybrid"],
    // Words spelled the same in English and the language itself.
    ...["architecture", "infrastructure", "distance", "simple", "regions", "region", "plus", "central", "local", "global"],
    ...["agents", "documents", "index", "total", "budget", "general", "options", "compliance", "multi", "gain", "real"],
    // Loanwords German, Spanish and Portuguese technical writing keeps.
    ...["hardware", "gigabytes", "tool", "trips", "team", "app", "updates", "control"],
    // Parts of region names that are the same words in English (Asia, Oceania, Europe).
    ...["asia", "oceania", "europe"],
  ].map((word) => word.toLowerCase()),
);

/** Words of three letters or more (shorter ones, "a", "in", are words of the other languages too). */
const words = (text: string) => (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => word.length >= 3);
const latinWords = (text: string) => words(text).filter((word) => /^[a-z]+$/.test(word));

describe("the recommender's reasons in every language", () => {
  const messages = allMessages();

  it("use every message of the reasons namespace and every select branch", () => {
    const used = new Set<string>();
    const selects = new Map<string, Set<string>>();
    messages.forEach((message) => keysUsed(message, used, selects));
    expect(Object.keys(ENGLISH_REASONS).filter((key) => !used.has(key))).toEqual([]);
    expect([...(selects.get("causeQueue.traffic") ?? [])].sort()).toEqual([...TRAFFIC_SHAPE_IDS].sort());
    expect([...(selects.get("causeModel.modelClass") ?? [])].sort()).toEqual(["frontier", "mid", "on_device_small", "small_domain"]);
    expect([...(selects.get("latencyMissHybrid.modelClass") ?? [])].sort()).toEqual(["frontier", "mid"]);
  });

  for (const locale of LOCALES) {
    it(`${locale}: renders every reason with every value filled and no English left`, () => {
      const t = createTranslator({
        locale,
        messages: catalog(locale) as never,
        namespace: "reasons" as never,
        onError: (error) => {
          throw error;
        },
      }) as unknown as (key: string, values: Record<string, string | number>) => string;
      const regions = regionNamesIn(locale);
      const names: ReasonNames = { region: (id) => regions[id] ?? `missing region ${id}`, architecture: (id) => getArchitecture(id)!.name };
      expect(Object.keys(regions).sort()).toEqual([...REGION_IDS].sort());
      for (const message of messages) {
        const text = renderReason(message, t, locale, names);
        const english = englishReason(message);
        expect(text, `${locale} ${message.key}`).not.toMatch(/[{}]|undefined|NaN|\[object|missing region/);
        expect(text.length, `${locale} ${message.key}`).toBeGreaterThan(10);
        if (locale === "en") {
          expect(text).toBe(english);
          continue;
        }
        expect(text, `${locale} ${message.key}`).not.toBe(english);
        const englishWords = new Set(words(english));
        const leftovers = words(text).filter((word) => englishWords.has(word) && !KEPT.has(word));
        expect(leftovers, `${locale} ${message.key}: ${text}`).toEqual([]);
        if (["ja", "zh-CN", "ar"].includes(locale)) {
          expect(
            latinWords(text).filter((word) => !KEPT.has(word)),
            `${locale} ${message.key}: ${text}`,
          ).toEqual([]);
        }
      }
    });
  }

  it("name regions in the page's language and format numbers by its locale", () => {
    const [withRegions] = messages.filter((m) => m.key === "globalUsers");
    expect(withRegions).toBeDefined();
    const t = createTranslator({ locale: "es", messages: catalog("es") as never, namespace: "reasons" as never }) as unknown as (
      key: string,
      values: Record<string, string | number>,
    ) => string;
    const regions = regionNamesIn("es");
    const text = renderReason(withRegions!, t, "es", { region: (id) => regions[id]!, architecture: (id) => id });
    expect(text).toMatch(/^Tus usuarios están en todo el mundo: si se sirven desde un único sitio en Europa Occidental, /);
    const de = createTranslator({ locale: "de", messages: catalog("de") as never, namespace: "reasons" as never }) as unknown as (
      key: string,
      values: Record<string, string | number>,
    ) => string;
    const budget = renderReason(
      {
        key: "noArchitectureMeetsBudget",
        values: { budget: { key: "budgetOverS", values: { s: 1 } }, architecture: { architecture: "on_device" }, ms: 1234 },
      },
      de,
      "de",
      {
        region: (id) => id,
        architecture: (id) => `«${id}»`,
      },
    );
    expect(budget).toContain("Budget von über 1 s");
    expect(budget).toContain("«on_device» mit etwa 1.234 ms");
  });
});

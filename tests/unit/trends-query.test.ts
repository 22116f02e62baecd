// The pure parts of the views across waves: which waves a query covers and in what order, which
// filter values it accepts, how trends find their questions in renamed instruments, and how a
// cross-wave export lines up the waves' columns.
import { describe, expect, it } from "vitest";
import type { WaveInfo } from "@/lib/analytics/context";
import { multiWaveQuery } from "@/lib/analytics/queries";
import {
  dimensionQuestions,
  optionKey,
  plannedInfrastructureQuestion,
  productionOptions,
  topConcernsQuestion,
} from "@/lib/analytics/trend-questions";
import { unionColumns } from "@/lib/exports/responses-csv";
import { instrumentV1 } from "@/lib/survey/instrument";
import { optionsOf } from "@/lib/survey/questions";
import { renamedV1 } from "../helpers/renamed-instrument";
import { instrumentWithSovereignCloud } from "../helpers/waves";

const renamed = renamedV1();
// Newest first, as listWaves returns them.
const waves: WaveInfo[] = [
  { id: "00000000-0000-4000-8000-000000000003", code: "2026-Q4", title: "Q4", instrument: instrumentWithSovereignCloud() },
  { id: "00000000-0000-4000-8000-000000000002", code: "2026-Q3", title: "Q3", instrument: renamed.instrument },
  { id: "00000000-0000-4000-8000-000000000001", code: "2026-Q2", title: "Q2", instrument: instrumentV1 },
];
const spec = multiWaveQuery({});
const resolve = (query: string) => spec.resolve(waves, new URLSearchParams(query));

describe("multiWaveQuery", () => {
  it("covers the named waves (all by default), oldest first, whatever order they were named in", () => {
    expect(resolve("").value.waves.map((w) => w.code)).toEqual(["2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(resolve("waves=2026-Q4,2026-Q2").value.waves.map((w) => w.code)).toEqual(["2026-Q2", "2026-Q4"]);
    expect(resolve("waves=2026-Q4&waves=2026-Q3").value.waves.map((w) => w.code)).toEqual(["2026-Q3", "2026-Q4"]);
    expect(resolve("waves=2026-Q4").value.filters.wave).toBeNull();
  });

  it("refuses unknown waves and parameters by name, and accepts filter values of any covered wave", () => {
    expect(resolve("waves=1999-Q1").problems.map((p) => p.path)).toEqual(["waves"]);
    expect(resolve("wave=2026-Q4").problems).toEqual([{ path: "wave", message: expect.stringContaining("did you mean waves?") }]);
    const industry = [...renamed.options.get("industry")!.values()][0]!;
    expect(resolve(`waves=2026-Q3&industry=${industry}`).problems).toEqual([]);
    expect(resolve(`waves=2026-Q2&industry=${industry}`).problems.map((p) => p.path)).toEqual(["industry"]);
    expect(resolve("industry=technology&from=2026-05-01&to=2026-04-01").problems.map((p) => p.path)).toEqual(["to"]);
  });
});

describe("trend questions by role", () => {
  it("finds the same questions and option codes in an instrument whose ids are all renamed", () => {
    for (const instrument of [instrumentV1, renamed.instrument]) {
      expect(dimensionQuestions(instrument).map((d) => d.label)).toEqual(dimensionQuestions(instrumentV1).map((d) => d.label));
      expect(productionOptions(instrument).map(optionKey)).toEqual(["limited_production", "scaled_production"]);
      const top = topConcernsQuestion(instrument)!;
      expect(optionsOf(instrument, top.question).map(optionKey)).toEqual(
        optionsOf(instrumentV1, topConcernsQuestion(instrumentV1)!.question).map(optionKey),
      );
      expect(plannedInfrastructureQuestion(instrument)?.question.type).toBe("multi");
    }
    expect(productionOptions(renamed.instrument).map((o) => o.id)).not.toEqual(["limited_production", "scaled_production"]);
  });
});

describe("cross-wave export columns", () => {
  it("lists every wave's columns once, the newest wave's first, empty where a wave lacks one", () => {
    const columns = unionColumns([
      { id: "a", code: "2026-Q2", instrument: instrumentV1 },
      { id: "b", code: "2026-Q4", instrument: instrumentWithSovereignCloud() },
    ]);
    expect(columns.slice(0, 2).map((c) => c.name)).toEqual(["response_id", "wave"]);
    expect(columns.find((c) => c.name === "wave")?.perWave).toEqual(["'2026-Q2'", "'2026-Q4'"]);
    const sovereign = columns.find((c) => c.name === "infra_planned__sovereign_cloud");
    expect(sovereign?.perWave[0]).toBeNull();
    expect(sovereign?.perWave[1]).toMatch(/sovereign_cloud/);
    expect(new Set(columns.map((c) => c.name)).size).toBe(columns.length);
  });
});

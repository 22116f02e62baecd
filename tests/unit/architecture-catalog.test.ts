import { describe, expect, it } from "vitest";
import {
  ARCHITECTURES,
  ARCHITECTURE_IDS,
  architectureSchema,
  catalogSchema,
  getArchitecture,
  isArchitectureId,
  sentenceCount,
} from "@/lib/architecture/catalog";

describe("architecture catalog", () => {
  it("has exactly the six architectures, in order", () => {
    expect(ARCHITECTURES.map((a) => a.id)).toEqual([
      "central_factory",
      "regional_cloud",
      "distributed_edge",
      "hybrid_split",
      "sovereign_onprem",
      "on_device",
    ]);
    expect([...ARCHITECTURE_IDS]).toEqual(ARCHITECTURES.map((a) => a.id));
    expect(new Set(ARCHITECTURES.map((a) => a.name)).size).toBe(6);
  });

  it("validates every entry with the schema and respects the content limits", () => {
    for (const architecture of ARCHITECTURES) {
      expect(architectureSchema.safeParse(architecture).success).toBe(true);
      expect(sentenceCount(architecture.description)).toBeGreaterThanOrEqual(2);
      expect(sentenceCount(architecture.description)).toBeLessThanOrEqual(4);
      expect(architecture.fitsWhen.length).toBeGreaterThanOrEqual(3);
      expect(architecture.fitsWhen.length).toBeLessThanOrEqual(5);
      expect(architecture.avoidWhen.length).toBeGreaterThanOrEqual(2);
      expect(architecture.avoidWhen.length).toBeLessThanOrEqual(4);
      expect(architecture.operations.length).toBeGreaterThanOrEqual(2);
      expect(architecture.operations.length).toBeLessThanOrEqual(4);
      expect(architecture.latency.length).toBeGreaterThan(20);
      expect(architecture.cost.length).toBeGreaterThan(20);
    }
    expect(catalogSchema.safeParse(ARCHITECTURES).success).toBe(true);
  });

  it("rejects malformed entries and catalogs", () => {
    const first = ARCHITECTURES[0]!;
    expect(architectureSchema.safeParse({ ...first, fitsWhen: ["Only one bullet here"] }).success).toBe(false);
    expect(architectureSchema.safeParse({ ...first, avoidWhen: [] }).success).toBe(false);
    expect(
      architectureSchema.safeParse({ ...first, description: "Only one sentence that is long enough to pass the length check." }).success,
    ).toBe(false);
    expect(architectureSchema.safeParse({ ...first, id: "mainframe" }).success).toBe(false);
    expect(catalogSchema.safeParse(ARCHITECTURES.slice(1)).success).toBe(false);
    expect(catalogSchema.safeParse([...ARCHITECTURES].reverse()).success).toBe(false);
  });

  it("looks architectures up by id", () => {
    expect(getArchitecture("hybrid_split")?.name).toBe("Hybrid split (edge + central)");
    expect(getArchitecture("mainframe")).toBeUndefined();
    expect(isArchitectureId("on_device")).toBe(true);
    expect(isArchitectureId("on-device")).toBe(false);
  });
});

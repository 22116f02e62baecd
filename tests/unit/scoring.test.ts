import { describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { firstIncompleteSection, likertTo100, profileOf, readinessIndex } from "@/lib/survey/scoring";
import { validAnswers } from "../helpers/answers";
import { readinessDimensions } from "@/lib/survey/roles";

describe("scoring", () => {
  it("maps 1-5 onto 0-100", () => {
    expect([1, 2, 3, 4, 5].map(likertTo100)).toEqual([0, 25, 50, 75, 100]);
  });

  it("averages the seven dimensions into the readiness index", () => {
    // dims 3,2,2,3,4,2,3 -> mean 19/7 = 2.714 -> (2.714-1)/4*100 = 42.86 -> 42.9
    expect(readinessIndex(instrumentV1, validAnswers())).toBe(42.9);
    const all5 = Object.fromEntries(readinessDimensions(instrumentV1).map((d) => [d.question.id, 5]));
    expect(readinessIndex(instrumentV1, { ...validAnswers(), ...all5 })).toBe(100);
  });

  it("has no index until every dimension is answered or when a value is out of range", () => {
    const { dim_culture: _omit, ...rest } = validAnswers();
    expect(readinessIndex(instrumentV1, rest)).toBeNull();
    expect(readinessIndex(instrumentV1, validAnswers({ dim_culture: 7 }))).toBeNull();
  });

  it("extracts the profile columns", () => {
    expect(profileOf(instrumentV1, validAnswers())).toEqual({
      industry: "healthcare",
      region: "east_asia",
      companySize: "1000_9999",
      role: "data_ml",
      stage: "pilots",
    });
    expect(profileOf(instrumentV1, {}).industry).toBeNull();
  });

  it("finds where a respondent should resume", () => {
    expect(firstIncompleteSection(instrumentV1, {})).toBe(0);
    expect(firstIncompleteSection(instrumentV1, { industry: "other", region: "east_asia", company_size: "lt_100", role: "product" })).toBe(
      1,
    );
    expect(firstIncompleteSection(instrumentV1, validAnswers())).toBe(instrumentV1.sections.length);
  });
});

// The statisticians' bundle loaders run by the real tools on a small CSV built like the export:
// PSPP runs the .sps (labels read, the formula apostrophe stripped, the weight on), Rscript runs the
// .R file (factors with labels, the apostrophe stripped) and its svymean equals the app's weighted
// figure. .ci/run installs pspp, r-base-core and r-cran-survey.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv/safe";
import { bundleColumns, dataPackage, rScript, spssSyntax, stataDo, type BundleOptions } from "@/lib/exports/bundle";
import { exportColumns, type ExportColumn } from "@/lib/exports/columns";
import { svyMean } from "@/lib/stats/weighted";
import { instrumentV1 } from "@/lib/survey/instrument";
import type { Answers } from "@/lib/survey/instrument-schema";
import { idOfRole, questionByRole } from "@/lib/survey/roles";
import { readinessIndex } from "@/lib/survey/scoring";
import { validAnswers } from "../helpers/answers";

const run = promisify(execFile);
const WAVE = "2026-Q4";
const columns = exportColumns(instrumentV1, WAVE);
const options: BundleOptions = {
  csvFile: "responses.csv",
  waveCodes: [WAVE],
  instrument: instrumentV1,
  weighted: true,
  suppressionK: 5,
};

const industry = questionByRole(instrumentV1, "industry");
const freeText = idOfRole(instrumentV1, "free_text");
const selfRating = idOfRole(instrumentV1, "readiness_self");
const [firstIndustry, secondIndustry] = industry.options as [{ id: string; label: string }, { id: string; label: string }];

/** A cell of the export for an answer set, as the COPY's SQL would write it. */
function cell(column: ExportColumn, answers: Answers, i: number, weight: number): unknown {
  const value = answers[column.question];
  switch (column.kind) {
    case "meta":
      return (
        {
          response_id: `00000000-0000-0000-0000-00000000000${i}`,
          wave: WAVE,
          status: "complete",
          source: "seed",
          started_at: "2026-11-30T10:00:00.000Z",
          submitted_at: "2026-11-30T10:05:00.000Z",
          readiness_index: readinessIndex(instrumentV1, answers),
          weight,
        } as Record<string, unknown>
      )[column.name];
    case "multi":
      return Array.isArray(value) ? (value.includes(column.name.split("__")[1]!) ? 1 : 0) : "";
    case "rank":
      return Array.isArray(value) ? (value[Number(column.name.split("__rank")[1]) - 1] ?? "") : "";
    default:
      return value ?? "";
  }
}

const rows: { answers: Answers; weight: number }[] = [
  { answers: validAnswers({ [industry.id]: firstIndustry.id, [freeText]: "-5", [selfRating]: 5 }), weight: 0.5 },
  { answers: validAnswers({ [industry.id]: secondIndustry.id, [freeText]: "=SUM(A1)", [selfRating]: 2 }), weight: 2 },
  { answers: validAnswers({ [industry.id]: firstIndustry.id, [freeText]: "it's fine", [selfRating]: 3 }), weight: 1.25 },
  { answers: validAnswers({ [industry.id]: secondIndustry.id, [selfRating]: 1 }), weight: 0.25 },
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writeBundle(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rr-bundle-"));
  dirs.push(dir);
  const all = bundleColumns(columns, true);
  const csv = toCsv(
    all.map((c) => c.name),
    rows.map((r, i) => all.map((c) => cell(c, r.answers, i, r.weight))),
  );
  writeFileSync(path.join(dir, "responses.csv"), csv);
  writeFileSync(path.join(dir, "responses.sps"), spssSyntax(columns, options));
  writeFileSync(path.join(dir, "responses.R"), rScript(columns, options));
  return dir;
}

describe("the statisticians' bundle", () => {
  it("PSPP runs the SPSS syntax: variable and value labels, the apostrophe stripped, weighted", async () => {
    const dir = writeBundle();
    // The CSV carries the neutralized cells the loaders must strip.
    expect(readFileSync(path.join(dir, "responses.csv"), "utf8")).toContain("'-5");
    const script = `${spssSyntax(columns, options)}
DISPLAY DICTIONARY /VARIABLES=${industry.id} ${selfRating} weight.
LIST /VARIABLES=${freeText} ${selfRating} weight.
DESCRIPTIVES /VARIABLES=${selfRating} /STATISTICS=MEAN.
`;
    writeFileSync(path.join(dir, "check.sps"), script);
    const { stdout } = await run("pspp", ["-O", "format=txt", "-O", "width=200", "-o", "-", "check.sps"], { cwd: dir });
    expect(stdout).not.toMatch(/error/i);
    expect(stdout).toContain(industry.label.slice(0, 30));
    expect(stdout).toContain(firstIndustry.label);
    expect(stdout).toMatch(/\|-5\s+\|/);
    expect(stdout).toMatch(/\|=SUM\(A1\)\s+\|/);
    expect(stdout).toContain("it's fine");
    // Weighted: the mean of the self rating is (0.5*5 + 2*2 + 1.25*3 + 0.25*1) / 4 = 2.625, not 2.75.
    const label = (columns.find((c) => c.name === selfRating)?.label ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(stdout).toMatch(new RegExp(`\\|${label}\\s*\\|4\\.000000\\|2\\.63\\|`));
  }, 60_000);

  it("Rscript runs the R loader: labelled factors, the apostrophe stripped, svymean equal to the app's", async () => {
    const dir = writeBundle();
    const check = `source("responses.R")
m <- svymean(~readiness_index, design)
cat(sprintf("%.10f %.10f\\n", coef(m)[1], SE(m)[1]))
cat(levels(d[[${JSON.stringify(industry.id)}]])[1:2], sep = "|"); cat("\\n")
cat(as.character(d[[${JSON.stringify(industry.id)}]]), sep = "|"); cat("\\n")
cat(d[[${JSON.stringify(freeText)}]], sep = "|"); cat("\\n")
cat(attr(d[[${JSON.stringify(selfRating)}]], "label"), "\\n")
`;
    writeFileSync(path.join(dir, "check.R"), check);
    const { stdout } = await run("Rscript", ["check.R"], { cwd: dir });
    const [estimates, levels, values, texts, label] = stdout.trim().split("\n");
    const [mean, se] = estimates!.split(" ").map(Number) as [number, number];
    const app = svyMean(
      rows.map((r) => {
        const x = readinessIndex(instrumentV1, r.answers) as number;
        return { weight: r.weight, n: 1, sum: x, sumSquares: x * x };
      }),
    );
    expect(Math.abs(mean - app.mean)).toBeLessThan(1e-6);
    expect(Math.abs(se - app.se)).toBeLessThan(1e-6);
    expect(levels).toBe(`${firstIndustry.label}|${secondIndustry.label}`);
    expect(values).toBe([firstIndustry, secondIndustry, firstIndustry, secondIndustry].map((o) => o.label).join("|"));
    expect(texts).toBe(`-5|=SUM(A1)|it's fine|${String(rows[3]!.answers[freeText])}`);
    expect(label?.trim()).toBe(columns.find((c) => c.name === selfRating)?.label);
  }, 60_000);

  it("the Stata do-file and datapackage.json describe the same columns", () => {
    const all = bundleColumns(columns, true);
    const pkg = dataPackage(columns, options) as { resources: { schema: { fields: { name: string; type: string }[] } }[] };
    const fields = pkg.resources[0]!.schema.fields;
    expect(fields.map((f) => f.name)).toEqual(all.map((c) => c.name));
    expect(fields.find((f) => f.name === "weight")?.type).toBe("number");
    expect(fields.find((f) => f.name === selfRating)?.type).toBe("integer");
    const stata = stataDo(columns, options);
    expect(stata).toContain("svyset [pweight = weight]");
    expect(stata).toContain(`replace ${industry.id}_c = 1 if ${industry.id} == \`"${firstIndustry.id}"'`);
    expect(stata).toContain(`regexm(${freeText}, "^'[-=+@]")`);
  });
});

// The replica compares its ENUM columns with values cast to the column's own type (enumIn), where
// PostgreSQL reads `IN` over text (plainIn). Both must select the same rows, NULLs and values the
// column cannot hold included, on a real DuckDB.
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enumIn } from "@/lib/engine/columnar/dialect";
import { plainIn } from "@/lib/engine/sql";

const MEMBERS = ["east_asia", "south_asia", "western_europe", "it's quoted"];
let instance: DuckDBInstance;
let duck: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  duck = await instance.connect();
  const type = `ENUM(${MEMBERS.map((m) => `'${m.replaceAll("'", "''")}'`).join(", ")})`;
  await duck.run(`CREATE TABLE t (region ${type}, text_region VARCHAR)`);
  await duck.run(
    `INSERT INTO t VALUES ('east_asia', 'east_asia'), ('south_asia', 'south_asia'), ('western_europe', 'western_europe'),
       ('it''s quoted', 'it''s quoted'), (NULL, NULL), ('east_asia', 'east_asia')`,
  );
});
afterAll(() => {
  duck.closeSync();
  instance.closeSync();
});

/** How many rows the condition holds for, is false for, and is NULL for. */
async function outcome(condition: string): Promise<[number, number, number]> {
  const reader = await duck.runAndReadAll(
    `SELECT count_if((${condition}) IS TRUE), count_if((${condition}) IS FALSE), count_if((${condition}) IS NULL) FROM t`,
  );
  return (reader.getRows()[0] ?? []).map(Number) as [number, number, number];
}

describe("enumIn", () => {
  const cases: string[][] = [
    ["east_asia"],
    ["east_asia", "western_europe"],
    ["it's quoted"],
    ["north_america"],
    ["north_america", "south_asia"],
    [],
    MEMBERS,
  ];
  it.each(cases.map((values) => [values.join(",") || "(none)", values]))("selects what IN over text selects: %s", async (_, values) => {
    expect(await outcome(enumIn("region", MEMBERS, values))).toEqual(await outcome(plainIn("text_region", values)));
  });

  it("compares values of the column's own type, never the column cast to text", async () => {
    const plan = await duck.runAndReadAll(`EXPLAIN SELECT count(*) FROM t WHERE ${enumIn("region", MEMBERS, ["east_asia", "south_asia"])}`);
    const text = plan.getRows().flat().map(String).join("\n");
    expect(text).not.toMatch(/CAST\(region AS VARCHAR\)/);
    const textual = await duck.runAndReadAll(`EXPLAIN SELECT count(*) FROM t WHERE ${plainIn("region", ["east_asia", "south_asia"])}`);
    expect(textual.getRows().flat().map(String).join("\n")).toMatch(/CAST\(region AS VARCHAR\)/);
    expect(text).toMatch(/region/);
  });
});

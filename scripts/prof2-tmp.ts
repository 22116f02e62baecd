import { DuckDBInstance } from "@duckdb/node-api";
const inst = await DuckDBInstance.create("/tmp/duck/p.duckdb", { memory_limit: "128MB", threads: "2" });
const c = await inst.connect();
await c.run("CREATE OR REPLACE TABLE t AS SELECT range id, 'i' || (range % 12) industry, 'r' || (range % 8) region, 'x' || (range % 6) AS role, (range % 5)::INTEGER s FROM range(20000)");
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const c2 = await inst.connect(); console.log("connect", (performance.now() - t).toFixed(1));
  t = performance.now(); await c2.runAndReadAll("SELECT 1"); console.log("select 1", (performance.now() - t).toFixed(1));
  t = performance.now(); const r = await c2.runAndReadAll("SELECT industry, region, role, count(*) FROM t GROUP BY 1,2,3"); console.log("groupby", (performance.now() - t).toFixed(1), r.getRows().length);
  t = performance.now(); r.getRowObjectsJS(); console.log("toJS", (performance.now() - t).toFixed(1));
  c2.closeSync();
}

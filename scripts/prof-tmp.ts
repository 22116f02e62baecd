import { replica } from "@/lib/engine";
import { listWaves } from "@/lib/analytics/context";
import { layoutOf } from "@/lib/engine/layout";
const waves = await listWaves("ai-readiness");
const w = waves[0]!;
const rep = replica();
await rep.build();
const table = (rep as any).waves.get(w.id).table;
const L = layoutOf(w.instrument);
const q = (rep as any).query.bind(rep);
const scales = [...L.questions.values()].filter(x => x.type === "scale").map((x: any) => `count(${x.column}), sum(${x.column}), sum(${x.column}*${x.column})`);
const singlesFilter = [...L.questions.values()].filter(x => x.type === "single").flatMap((x: any) => x.options.map((o: string) => `count_if(${x.column} = '${o}')`));
const singlesHist = [...L.questions.values()].filter(x => x.type === "single").map((x: any) => `histogram(${x.column})`);
const multiBool = [...L.questions.values()].filter(x => x.type === "options").flatMap((x: any) => [...x.columns.values()].map((c: string) => `count_if(${c})`));
const multiSum = [...L.questions.values()].filter(x => x.type === "options").flatMap((x: any) => [...x.columns.values()].map((c: string) => `sum(${c}::UTINYINT)`));
const g = "industry, region, role";
const variants: Record<string, string> = {
  current: [...scales, ...singlesFilter, ...multiBool].join(", "),
  hist: [...scales, ...singlesHist, ...multiBool].join(", "),
  histSum: [...scales, ...singlesHist, ...multiSum].join(", "),
  scalesOnly: scales.join(", "),
  singlesHistOnly: singlesHist.join(", "),
  multiOnly: multiBool.join(", "),
};
for (const [name, m] of Object.entries(variants)) {
  for (const grp of [true, false]) {
    const sql = grp ? `SELECT ${g}, count(*), ${m} FROM ${table} WHERE complete GROUP BY 1,2,3` : `SELECT count(*), ${m} FROM ${table} WHERE complete`;
    const times = [];
    for (let i = 0; i < 3; i++) { const t = performance.now(); await q(sql); times.push((performance.now() - t).toFixed(0)); }
    console.log(name, grp ? "grouped" : "total", times.join(" "));
  }
}
process.exit(0);

import { requireAnalystApi } from "@/lib/auth/session";
import { toCsv } from "@/lib/csv/safe";
import { completeExport, startExport } from "@/lib/exports/audit";
import { loadFindings } from "@/lib/findings/pages";
import { handle } from "@/lib/http/respond";

/** GET /api/v1/exports/findings.csv?<dashboard filters>[&bom=1] */
export const GET = handle(async (request: Request) => {
  const analyst = await requireAnalystApi();
  const url = new URL(request.url);
  const bom = url.searchParams.get("bom") === "1";
  url.searchParams.delete("bom");
  const { scope, report } = await loadFindings(url.searchParams, true);
  const header = ["rank", "kind", "segment", "headline", "measure", "segment_value", "others_value", "difference", "unit", "q", "n", "recommended_architecture", "reasons", "evidence_url"];
  const rows = report.findings.map((f, i) => [
    i + 1, f.kind, f.segment.label, f.headline, f.measure,
    f.unit === "%" ? f.segmentValue * 100 : f.segmentValue, f.othersValue === null ? null : f.unit === "%" ? f.othersValue * 100 : f.othersValue,
    f.difference, f.unit === "%" ? "percent" : "points", f.q, f.n,
    f.architectures[0]?.name ?? "", f.architectures[0]?.reasons.join(" | ") ?? "", `${url.origin}${f.evidenceUrl}`,
  ]);
  const auditId = await startExport(analyst.id, "findings.csv", scope.filters, analyst.via);
  await completeExport(auditId, rows.length);
  return new Response(toCsv(header, rows, { bom }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="findings-${scope.wave.code}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});

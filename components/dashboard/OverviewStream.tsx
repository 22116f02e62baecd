// The overview, panel by panel: each panel waits only for its own figures (and the gate that
// decides whether the view may be shown), inside its own Suspense boundary, so the first panel
// paints while slower ones are still computing. Server components.
import { Suspense, type ReactNode } from "react";
import type { OverviewParts } from "@/lib/analytics/overview";
import {
  ConcernsSection,
  DimensionsSection,
  HeatmapSection,
  InfrastructureSection,
  Kpis,
  LatencySection,
  NotReportable,
  StagesSection,
  TimelineSection,
} from "./OverviewView";

function PanelSkeleton({ title, tall = false }: { title: string; tall?: boolean }) {
  return (
    <section aria-busy="true" className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5">
      <h2 className="font-semibold text-brand-900">{title}</h2>
      <p className="text-sm text-slate-600">Computing…</p>
      <div className={`mt-3 animate-pulse rounded-lg bg-slate-100 ${tall ? "h-72" : "h-48"}`} />
    </section>
  );
}

function KpiSkeleton() {
  return (
    <div aria-busy="true" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {["Complete responses", "Partial responses", "In production", "Top concern"].map((label) => (
        <div key={label} className="rounded-2xl border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">{label}</p>
          <div className="mt-2 h-7 w-20 animate-pulse rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}

/** Renders `render(figures)` once the gate and the part resolve, or nothing for a refused view. */
async function Slot<T>({
  parts,
  part,
  render,
}: {
  parts: OverviewParts;
  part: Promise<T>;
  render: (data: T & { k: number }) => ReactNode;
}) {
  const [gate, data] = await Promise.all([parts.gate, part]);
  return gate.reportable ? render({ ...data, k: gate.k }) : null;
}

async function Gate({ parts }: { parts: OverviewParts }) {
  const gate = await parts.gate;
  return gate.reportable ? null : <NotReportable data={gate} />;
}

async function KpiSlot({ parts }: { parts: OverviewParts }) {
  const [gate, timeline, stages, concerns] = await Promise.all([parts.gate, parts.timeline, parts.stages, parts.concerns]);
  return gate.reportable ? <Kpis data={{ ...gate, ...timeline, ...stages, ...concerns }} /> : null;
}

export function OverviewStream({ parts }: { parts: OverviewParts }) {
  return (
    <div className="grid gap-4">
      <Suspense fallback={null}>
        <Gate parts={parts} />
      </Suspense>
      <Suspense fallback={<KpiSkeleton />}>
        <KpiSlot parts={parts} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton title="Responses over time" />}>
        <Slot parts={parts} part={parts.timeline} render={(data) => <TimelineSection data={data} />} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton title="Readiness index by industry and region" tall />}>
        <Slot parts={parts} part={parts.heatmap} render={(data) => <HeatmapSection data={data} />} />
      </Suspense>
      <div className="grid gap-4 lg:grid-cols-2">
        <Suspense fallback={<PanelSkeleton title="Readiness profile" />}>
          <Slot parts={parts} part={parts.dimensions} render={(data) => <DimensionsSection data={data} />} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton title="AI stage" />}>
          <Slot parts={parts} part={parts.stages} render={(data) => <StagesSection data={data} />} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton title="Top concerns" />}>
          <Slot parts={parts} part={parts.concerns} render={(data) => <ConcernsSection data={data} />} />
        </Suspense>
        <Suspense fallback={<PanelSkeleton title="Inference infrastructure: today and planned" />}>
          <Slot parts={parts} part={parts.infrastructure} render={(data) => <InfrastructureSection data={data} />} />
        </Suspense>
      </div>
      <Suspense fallback={<PanelSkeleton title="Latency budgets against users' geography" />}>
        <Slot parts={parts} part={parts.latencyGeography} render={(data) => <LatencySection data={data} />} />
      </Suspense>
    </div>
  );
}

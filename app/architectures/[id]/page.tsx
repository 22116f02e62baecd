import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RTT_NOTE, sources } from "@/lib/architecture/assumptions";
import { ARCHITECTURES, getArchitecture } from "@/lib/architecture/catalog";

export function generateStaticParams() {
  return ARCHITECTURES.map((a) => ({ id: a.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const architecture = getArchitecture((await params).id);
  return { title: architecture ? architecture.name : "Architecture" };
}

export default async function ArchitecturePage({ params }: { params: Promise<{ id: string }> }) {
  const architecture = getArchitecture((await params).id);
  if (!architecture) notFound();
  const section = (title: string, items: string[]) => (
    <section className="rounded-2xl border border-slate-200 bg-white p-5">
      <h2 className="font-semibold text-brand-900">{title}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">Inference architecture</p>
      <h1 className="mt-1 text-3xl font-bold text-brand-900">{architecture.name}</h1>
      <p className="mt-2 text-lg text-slate-700">{architecture.tagline}</p>
      <p className="mt-4 text-slate-700">{architecture.description}</p>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {section("When it fits", architecture.fitsWhen)}
        {section("When it does not", architecture.avoidWhen)}
        <section className="rounded-2xl border border-slate-200 bg-white p-5">
          <h2 className="font-semibold text-brand-900">Latency</h2>
          <p className="mt-2 text-sm text-slate-700">{architecture.latency}</p>
          <h2 className="mt-4 font-semibold text-brand-900">Cost</h2>
          <p className="mt-2 text-sm text-slate-700">{architecture.cost}</p>
        </section>
        {section("What you must operate", architecture.operations)}
      </div>
      <details className="mt-6 rounded-2xl border border-slate-200 bg-white p-5 text-sm">
        <summary className="cursor-pointer font-semibold text-brand-900">How latency estimates are made</summary>
        <p className="mt-2 text-slate-700">
          End-to-end latency = the network round trip from the users&apos; region to where the model runs, plus queueing under the traffic
          shape, plus the time to the first token for the model size. {RTT_NOTE} They are planning figures: check them against the sources
          below and your own measurements.
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
          {sources.map((source) => (
            <li key={`${source.topic}:${source.url}`}>
              <a href={source.url} className="text-brand-700 underline" rel="noreferrer">
                {source.name}
              </a>{" "}
              ({source.topic}) — {source.note}
            </li>
          ))}
        </ul>
      </details>
      <nav aria-label="Other architectures" className="mt-8 flex flex-wrap gap-2 text-sm">
        {ARCHITECTURES.filter((a) => a.id !== architecture.id).map((a) => (
          <Link key={a.id} href={`/architectures/${a.id}`} className="rounded-full border border-slate-300 px-3 py-1 hover:bg-brand-50">
            {a.name}
          </Link>
        ))}
      </nav>
    </div>
  );
}

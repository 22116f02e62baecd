import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonalResultView } from "@/components/result/PersonalResultView";
import { loadResultPage } from "@/lib/survey/pages";

export const metadata: Metadata = { title: "Your result" };

export default async function ResultPage({ params }: { params: Promise<{ slug: string }> }) {
  const page = await loadResultPage((await params).slug);
  if (!page) notFound();
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:py-12">
      <h1 className="mb-6 text-3xl font-bold tracking-tight text-brand-900">Where you stand</h1>
      {page.result ? (
        <PersonalResultView result={page.result} />
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white p-6">
          <p className="text-slate-700">There is no completed response from this browser yet.</p>
          <Link href={`/survey/${page.wave.slug}`} className="mt-4 inline-block rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white">
            Go to the survey
          </Link>
        </div>
      )}
    </div>
  );
}

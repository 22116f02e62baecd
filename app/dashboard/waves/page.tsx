import Link from "next/link";
import { wavesHref } from "@/components/waves/href";
import { WaveList } from "@/components/waves/WaveList";
import { listPublications } from "@/lib/results/publication";
import { loadWavesPage } from "@/lib/waves/pages";

export const metadata = { title: "Waves" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WavesPage({ searchParams }: { searchParams: SearchParams }) {
  const { survey, waves } = await loadWavesPage(searchParams, "");
  const publications = await listPublications(survey);
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">Waves</h1>
        <Link href={wavesHref(survey, "/new")} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          Publish a new wave
        </Link>
      </div>
      <p className="text-sm text-slate-600">
        Respondents always get the one open wave. Opening a wave closes the one open before it; a closed wave stays closed, and a
        wave&apos;s questions are frozen once anyone has answered it.
      </p>
      <WaveList survey={survey} waves={waves} publications={publications} />
    </div>
  );
}

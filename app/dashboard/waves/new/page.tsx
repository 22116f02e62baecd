import { PublishWave } from "@/components/waves/PublishWave";
import { getEnv } from "@/lib/env";
import { loadWavesPage } from "@/lib/waves/pages";

export const metadata = { title: "Publish a wave" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewWavePage({ searchParams }: { searchParams: SearchParams }) {
  const { survey, waves } = await loadWavesPage(searchParams, "/new");
  const open = waves.find((w) => w.status === "open");
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold text-brand-900">Publish a new wave</h1>
      <PublishWave survey={survey} openCode={open?.code ?? null} retentionDays={getEnv().PARTIAL_RETENTION_DAYS} />
    </div>
  );
}

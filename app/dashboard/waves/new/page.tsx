import { PublishWave } from "@/components/waves/PublishWave";
import { requireAnalystPage } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { listAllWaves } from "@/lib/waves/lifecycle";

export const metadata = { title: "Publish a wave" };

export default async function NewWavePage() {
  await requireAnalystPage("/dashboard/waves/new", "admin");
  const open = (await listAllWaves()).find((w) => w.status === "open");
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold text-brand-900">Publish a new wave</h1>
      <PublishWave openCode={open?.code ?? null} retentionDays={getEnv().PARTIAL_RETENTION_DAYS} />
    </div>
  );
}

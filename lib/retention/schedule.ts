import "server-only";
// The server applies the retention setting every few hours, so a long-running instance purges
// without a restart or a cron job (npm start also purges once before the server starts).
import { primaryPool } from "@/lib/db/pg";
import { getEnv } from "@/lib/env";
import { describePurge, purgeExpired } from "./purge";

const EVERY_MS = 6 * 60 * 60 * 1000;

export function schedulePurge(): void {
  const timer = setInterval(() => {
    const days = getEnv().PARTIAL_RETENTION_DAYS;
    purgeExpired(primaryPool(), days)
      .then((result) => console.log(describePurge(result, days)))
      .catch((error: unknown) =>
        console.warn(`Retention purge failed (will retry): ${error instanceof Error ? error.message : String(error)}`),
      );
  }, EVERY_MS);
  timer.unref();
}

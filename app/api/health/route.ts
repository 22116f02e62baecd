import { handle, json } from "@/lib/http/respond";
import { checkDatabase } from "@/lib/db/health";

/** Liveness and database reachability, for load balancers and the start script. */
export const GET = handle(async () => {
  await checkDatabase();
  return json({ status: "ok" });
});

// Next.js calls register() once when a server process starts.
import { isNodeServerRuntime } from "@/lib/env";

export async function register(): Promise<void> {
  if (!isNodeServerRuntime()) return;
  const { schedulePurge } = await import("@/lib/retention/schedule");
  schedulePurge();
}

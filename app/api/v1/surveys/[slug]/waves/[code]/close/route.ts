import { nextRoute } from "@/lib/api/pipeline";
import { closeWaveRoute } from "@/lib/waves/routes";

export const POST = nextRoute(closeWaveRoute);

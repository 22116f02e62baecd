import { nextRoute } from "@/lib/api/pipeline";
import { openWaveRoute } from "@/lib/waves/routes";

export const POST = nextRoute(openWaveRoute);

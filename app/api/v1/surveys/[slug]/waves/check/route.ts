import { nextRoute } from "@/lib/api/pipeline";
import { checkWaveRoute } from "@/lib/waves/routes";

export const POST = nextRoute(checkWaveRoute);

import { nextRoute } from "@/lib/api/pipeline";
import { listWavesRoute, publishWaveRoute } from "@/lib/waves/routes";

export const GET = nextRoute(listWavesRoute);
export const POST = nextRoute(publishWaveRoute);

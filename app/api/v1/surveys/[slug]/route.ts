import { handle, json } from "@/lib/http/respond";
import { publicDefinition } from "@/lib/survey/public-definition";
import { parseSlug } from "@/lib/survey/slug";
import { getOpenWave } from "@/lib/survey/waves";

/** GET /api/v1/surveys/{slug}: the open wave's questions, option ids and rules. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const wave = await getOpenWave(parseSlug((await params).slug));
  return json(publicDefinition(wave));
});

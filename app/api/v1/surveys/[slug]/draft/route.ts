import { handle } from "@/lib/http/respond";
import { getDraftResponse, saveDraftResponse } from "@/lib/survey/handlers";

type Context = { params: Promise<{ slug: string }> };

/** GET: the respondent's draft (by resume cookie). PUT: save a step of it. */
export const GET = handle(async (_request: Request, { params }: Context) => getDraftResponse((await params).slug));
export const PUT = handle(async (request: Request, { params }: Context) => saveDraftResponse(request, (await params).slug));

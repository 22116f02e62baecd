import { handle } from "@/lib/http/respond";
import { submitDraftResponse } from "@/lib/survey/handlers";

/** POST: turn the respondent's draft into a complete response (idempotent by submissionId). */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  submitDraftResponse(request, (await params).slug),
);

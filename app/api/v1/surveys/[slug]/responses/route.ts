import { handle } from "@/lib/http/respond";
import { submitApiResponse } from "@/lib/survey/handlers";

/** POST /api/v1/surveys/{slug}/responses: a complete response, idempotent by Idempotency-Key. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  submitApiResponse(request, (await params).slug),
);

import { handle } from "@/lib/http/respond";
import { deleteOwnResponseHandler } from "@/lib/survey/handlers";

/** DELETE: the respondent's own response (found by their resume cookie only), and the cookie. */
export const DELETE = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  deleteOwnResponseHandler(request, (await params).slug),
);

import { ImageResponse } from "next/og";
import { SHARE_IMAGE_SIZE, ShareImage } from "@/components/result/ShareImage";
import { NotFoundError } from "@/lib/errors";
import { handle } from "@/lib/http/respond";
import { loadShareSummary } from "@/lib/survey/pages";

/**
 * GET: a 1200×630 PNG of this browser's own result (index, stage of readiness, recommended
 * architecture; no answers), found by the resume cookie like the result page. Rendered on the
 * server with the font next/og bundles, so it needs no network. Personal: never cached.
 */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const summary = await loadShareSummary((await params).slug);
  if (!summary) throw new NotFoundError("Completed response from this browser");
  return new ImageResponse(<ShareImage summary={summary} />, {
    ...SHARE_IMAGE_SIZE,
    headers: {
      "cache-control": "private, no-store",
      "content-disposition": 'inline; filename="readiness-radar-result.png"',
    },
  });
});

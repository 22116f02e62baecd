// Open Graph and Twitter metadata for a wave's public results page (issue 17: shareable with a link
// preview). Pure: the page passes what it has; relative URLs resolve against the root layout's
// metadataBase (APP_URL).
import type { Metadata } from "next";
import { PANEL_TITLES, type ResultPanel } from "./panels";

export interface ResultsMetadataInput {
  survey: string;
  wave: string;
  surveyTitle: string;
  waveTitle: string;
  /** The protected number of responses, or null when withheld. */
  respondents: number | null;
  panels: readonly ResultPanel[];
  /** A preview image for this wave (1200 × 630), or the site's card when there is none yet. */
  image?: { url: string; alt: string };
}

const SITE_CARD = { url: "/og.png", width: 1200, height: 630 };

/** "1,234" in a fixed locale, so server and preview text agree. */
const count = (n: number) => n.toLocaleString("en-US");

export function resultsDescription(input: Pick<ResultsMetadataInput, "respondents" | "panels" | "waveTitle">): string {
  const about = input.respondents === null ? "" : `${count(input.respondents)} responses. `;
  const what = input.panels
    .slice(0, 3)
    .map((p) => PANEL_TITLES[p].toLowerCase())
    .join(", ");
  return `${input.waveTitle}: ${about}${what ? `${what.charAt(0).toUpperCase()}${what.slice(1)}` : "Results"}, and how your organization compares.`;
}

export function resultsMetadata(input: ResultsMetadataInput): Metadata {
  const path = `/results/${encodeURIComponent(input.survey)}/${encodeURIComponent(input.wave)}`;
  const title = `${input.surveyTitle}: results ${input.waveTitle}`;
  const description = resultsDescription(input);
  const alt = input.image?.alt ?? title;
  const image = input.image ? { url: input.image.url, width: 1200, height: 630, alt } : { ...SITE_CARD, alt };
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: { type: "article", url: path, siteName: "Readiness Radar", title, description, images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}

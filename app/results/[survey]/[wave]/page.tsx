import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicResults } from "@/components/results/PublicResults";
import { NotFoundError } from "@/lib/errors";
import { resultsMetadata } from "@/lib/results/metadata";
import { loadPublicResults } from "@/lib/results/page";

type Params = { params: Promise<{ survey: string; wave: string }> };

/** The published results, or null (then the page is a 404). */
async function load({ params }: Params) {
  const { survey, wave } = await params;
  try {
    return await loadPublicResults(survey, wave);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const results = await load(props);
  if (!results) return { title: "Not found" };
  return resultsMetadata({ ...results, image: undefined });
}

export default async function ResultsPage(props: Params) {
  const results = await load(props);
  if (!results) notFound();
  return <PublicResults results={results} />;
}

// The public results page's frame and metadata (components/results/, lib/results/metadata.ts),
// rendered to HTML on the server as the page will be.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ResultsLayout, type ResultsLayoutProps } from "@/components/results/ResultsLayout";
import { ResultsPanel } from "@/components/results/ResultsPanel";
import { resultsMetadata } from "@/lib/results/metadata";
import { orderedPanels, RESULT_PANELS } from "@/lib/results/panels";

const figure = createElement("p", null, "figure");
const panel = () => ResultsPanel({ panel: "stage", lead: "Where organizations are", children: figure });
// Server components without hooks: called as the page's render would, then rendered to HTML.
const layout = (props: Partial<Omit<ResultsLayoutProps, "children">> = {}) =>
  renderToStaticMarkup(
    ResultsLayout({
      surveyTitle: "AI inference readiness",
      waveTitle: "2026 Q4",
      respondents: 20480,
      publishedAt: "2026-12-01T09:00:00Z",
      surveyHref: "/survey/ai-readiness",
      k: 5,
      ...props,
      children: panel(),
    }),
  );

describe("results layout", () => {
  it("renders the heading, protected count, date, protection note, panels and the invitation", () => {
    const html = layout();
    expect(html).toContain('<h1 id="results-title"');
    expect(html).toContain("Results · 2026 Q4");
    expect(html).toContain("About 20,480 responses");
    expect(html).toContain('<time dateTime="2026-12-01T09:00:00Z">1 December 2026</time>');
    expect(html).toContain("Protected figures");
    expect(html).toContain('data-panel="stage"');
    expect(html).toContain('aria-labelledby="panel-stage"');
    expect(html).toContain('href="/survey/ai-readiness"');
    expect(html).toContain("Compare your organization");
    expect(html).toMatch(/groups of fewer than (<!-- -->)?5 are not shown/);
  });

  it("says so when the count is withheld, and leaves the invitation out when no survey is open", () => {
    const html = layout({ respondents: null, surveyHref: null });
    expect(html).toContain("Responses withheld");
    expect(html).not.toContain("Compare your organization");
  });
});

describe("results metadata", () => {
  it("gives a shareable preview: title, description with the count, canonical URL, Open Graph and Twitter cards", () => {
    const meta = resultsMetadata({
      survey: "ai-readiness",
      wave: "2026-Q4",
      surveyTitle: "AI inference readiness",
      waveTitle: "2026 Q4",
      respondents: 20480,
      panels: ["readiness_by_segment", "stage", "top_concerns", "findings"],
    });
    expect(meta.title).toBe("AI inference readiness: results 2026 Q4");
    expect(meta.description).toBe(
      "2026 Q4: 20,480 responses. Readiness by industry and region, where organizations are, top concerns, and how your organization compares.",
    );
    expect(meta.alternates).toEqual({ canonical: "/results/ai-readiness/2026-Q4" });
    expect(meta.openGraph).toMatchObject({ type: "article", url: "/results/ai-readiness/2026-Q4", title: meta.title });
    expect(meta.openGraph?.images).toEqual([{ url: "/og.png", width: 1200, height: 630, alt: meta.title }]);
    expect(meta.twitter).toMatchObject({ card: "summary_large_image", images: ["/og.png"] });
  });

  it("escapes the survey and wave in the URL", () => {
    const meta = resultsMetadata({ survey: "a b", wave: "x/y", surveyTitle: "S", waveTitle: "W", respondents: null, panels: [] });
    expect(meta.alternates).toEqual({ canonical: "/results/a%20b/x%2Fy" });
    expect(meta.description).toBe("W: Results, and how your organization compares.");
  });
});

describe("panels", () => {
  it("keeps page order and drops repeats", () => {
    expect(orderedPanels(["findings", "stage", "findings"])).toEqual(["stage", "findings"]);
    expect(orderedPanels([...RESULT_PANELS].reverse())).toEqual([...RESULT_PANELS]);
  });
});

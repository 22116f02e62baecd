// The respondent's pages over HTTP: the survey step in the URL (clamped by the server), the
// share image route, and the site's icons and Open Graph card.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instrumentV1 } from "@/lib/survey/instrument";
import { validAnswers } from "../helpers/answers";
import { closeTestPool, createTestSurvey } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { api, cookieFrom } from "../helpers/http";

let slug = "";
beforeAll(async () => {
  ({ slug } = await createTestSurvey("pages"));
});
afterAll(closeTestPool);

/** Saves the first `steps` steps of a valid response as a draft; returns its resume cookie. */
async function draftThrough(steps: number): Promise<string> {
  let cookie: string | undefined;
  const all = validAnswers();
  for (let i = 0; i < steps; i++) {
    const answers = Object.fromEntries(instrumentV1.sections[i]!.questions.map((q) => [q.id, all[q.id] ?? null]));
    const saved = await api(`/api/v1/surveys/${slug}/draft`, { method: "PUT", body: { step: i + 1, answers }, cookie });
    expect(saved.status).toBe(200);
    cookie ??= cookieFrom(saved.headers);
  }
  return cookie!;
}

const get = (path: string, cookie?: string) =>
  fetch(`${testEnv.baseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("the survey step in the URL", () => {
  it("sends a returning respondent to the furthest step reached, and no further", async () => {
    const cookie = await draftThrough(2); // saved steps 1 and 2: on step 3 now
    for (const [asked, landed] of [
      ["", "?step=3"],
      ["?step=6", "?step=3"],
      ["?step=abc", "?step=3"],
    ] as const) {
      const response = await get(`/survey/${slug}${asked}`, cookie);
      expect(response.status, asked).toBe(307);
      expect(response.headers.get("location"), asked).toBe(`/survey/${slug}${landed}`);
    }
    for (const step of ["1", "2", "3"]) expect((await get(`/survey/${slug}?step=${step}`, cookie)).status, step).toBe(200);
  });

  it("shows a visitor without a draft the introduction, whatever step they ask for", async () => {
    expect((await get(`/survey/${slug}`)).status).toBe(200);
    const asked = await get(`/survey/${slug}?step=4`);
    expect(asked.status).toBe(307);
    expect(asked.headers.get("location")).toBe(`/survey/${slug}`);
  });
});

describe("the share image", () => {
  it("is a 1200x630 PNG of the respondent's own result, never cached, and nobody else's", async () => {
    const cookie = await draftThrough(instrumentV1.sections.length);
    const submitted = await api(`/api/v1/surveys/${slug}/draft/submit`, { method: "POST", body: { submissionId: randomUUID() }, cookie });
    expect(submitted.status).toBe(201);

    const own = await get(`/survey/${slug}/result/share.png`, cookie);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/png");
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    const png = Buffer.from(await own.arrayBuffer());
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });

    for (const [who, path, with_] of [
      ["no cookie", `/survey/${slug}/result/share.png`, undefined],
      ["a draft, not submitted", `/survey/${slug}/result/share.png`, await draftThrough(1)],
      ["another survey", `/survey/no-such-survey/result/share.png`, cookie],
      ["a malformed slug", `/survey/${encodeURIComponent("bad slug!")}/result/share.png`, cookie],
    ] as const) {
      const refused = await get(path, with_);
      expect(refused.status, who).toBe(404);
      expect(await refused.json(), who).toMatchObject({ error: { code: "not_found" } });
    }
  });
});

describe("icons and the Open Graph card", () => {
  it("serves the favicon, app icons, web manifest and card from public/", async () => {
    const favicon = await get("/favicon.ico");
    expect(favicon.status).toBe(200);
    const ico = Buffer.from(await favicon.arrayBuffer());
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]); // an icon with 16, 32, 48 px
    for (const [path, size] of [
      ["/apple-touch-icon.png", { width: 180, height: 180 }],
      ["/icon-192.png", { width: 192, height: 192 }],
      ["/icon-512.png", { width: 512, height: 512 }],
      ["/og.png", { width: 1200, height: 630 }],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe("image/png");
      expect(pngSize(Buffer.from(await response.arrayBuffer())), path).toEqual(size);
    }
    const svg = await get("/icon.svg");
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const manifest = (await (await get("/manifest.webmanifest")).json()) as { icons: { src: string }[] };
    for (const icon of manifest.icons) expect((await get(icon.src)).status, icon.src).toBe(200);
  });

  it("names them in every page's head, the card with an absolute URL for link previews", async () => {
    for (const path of ["/", `/survey/${slug}`, "/architectures/hybrid_split"]) {
      const html = await (await get(path)).text();
      expect(html, path).toContain('<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48"/>');
      expect(html, path).toContain('<link rel="icon" href="/icon.svg" type="image/svg+xml"/>');
      expect(html, path).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png" sizes="180x180"/>');
      expect(html, path).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
      expect(html, path).toContain(`<meta property="og:image" content="${testEnv.baseUrl}/og.png"/>`);
      expect(html, path).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    }
  });
});

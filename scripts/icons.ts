// Renders the site's icons and Open Graph image into public/ from public/icon.svg, with the
// Chromium the tests use: favicon.ico (16, 32 and 48 px PNGs), apple-touch-icon.png (180),
// icon-192.png and icon-512.png (the web manifest's), og.png (1200x630). The outputs are committed;
// run this after changing the mark or the card:  npx tsx scripts/icons.ts
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import { findChromium } from "./lib/chromium";
import { ROOT } from "./lib/proc";

const PUBLIC = path.join(ROOT, "public");
const svg = readFileSync(path.join(PUBLIC, "icon.svg"), "utf8");
const dataUrl = (source: string) => `data:image/svg+xml;base64,${Buffer.from(source).toString("base64")}`;
const svgData = dataUrl(svg);
// iOS rounds the corners itself and fills transparent ones with black: its icon is a full square.
const squareData = dataUrl(svg.replace(/ rx="[0-9.]+"/, ""));

async function render(page: Page, html: string, width: number, height: number, transparent: boolean): Promise<Buffer> {
  await page.setViewportSize({ width, height });
  await page.setContent(`<!doctype html><html><body style="margin:0">${html}</body></html>`);
  await page.evaluate(() => document.fonts.ready);
  return page.screenshot({ omitBackground: transparent, clip: { x: 0, y: 0, width, height } });
}

const icon = (page: Page, size: number, source = svgData) =>
  render(page, `<img src="${source}" width="${size}" height="${size}" style="display:block">`, size, size, true);

/** An .ico holding PNG images (supported by every browser since Internet Explorer 9 and Windows Vista). */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

const OG_CARD = `
<div style="width:1200px;height:630px;box-sizing:border-box;padding:72px 80px;background:#172554;color:#fff;
  font-family:'DejaVu Sans',Arial,sans-serif;display:flex;flex-direction:column;justify-content:space-between">
  <div style="display:flex;align-items:center;gap:24px;font-size:44px;font-weight:700">
    <img src="${svgData}" width="88" height="88">Readiness Radar
  </div>
  <div>
    <div style="font-size:64px;font-weight:700;line-height:1.1;max-width:1000px">How ready are you to run AI inference in production?</div>
    <div style="margin-top:28px;font-size:30px;color:#dbe6fe;max-width:980px">
      A six-step survey for technologists. See where you stand against peers in your industry and region,
      and which inference architecture fits your workload.
    </div>
  </div>
  <div style="font-size:24px;color:#dbe6fe">Anonymous · about 8 minutes · open source</div>
</div>`;

const executablePath = findChromium(process.env.CHROMIUM_PATH);
if (!executablePath) throw new Error("Chromium is needed: sudo apt-get install -y chromium");
const profile = mkdtempSync(path.join(tmpdir(), "rr-icons-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const favicon = [];
  for (const size of [16, 32, 48]) favicon.push({ size, png: await icon(page, size) });
  writeFileSync(path.join(PUBLIC, "favicon.ico"), ico(favicon));
  writeFileSync(path.join(PUBLIC, "apple-touch-icon.png"), await icon(page, 180, squareData));
  writeFileSync(path.join(PUBLIC, "icon-192.png"), await icon(page, 192));
  writeFileSync(path.join(PUBLIC, "icon-512.png"), await icon(page, 512));
  writeFileSync(path.join(PUBLIC, "og.png"), await render(page, OG_CARD, 1200, 630, false));
  console.log("Wrote public/favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png and og.png");
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

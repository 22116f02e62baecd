import "server-only";
// The findings report as a generated PDF (GET /api/v1/findings/report.pdf): the same content as
// the printable page (./report.ts holds what both say), laid out on A4 with pdf-lib, no browser.
// Text is set in Liberation Sans (assets/fonts, SIL OFL), embedded as a subset; characters the
// font lacks are replaced before drawing, so what a text extractor reads is what was meant.
// Charts are vector bars; a withheld figure is drawn as a hatched outline marked "<k", never as 0.
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { getArchitecture } from "@/lib/architecture/catalog";
import type { FindingsReport, LinkedFinding } from "./index";
import {
  REPORT_TITLE,
  ROWS_PER_THEME,
  capitalize,
  chartedShares,
  emptyReportNote,
  findingsByTheme,
  formatDifference,
  formatQ,
  formatValue,
  methodNotes,
  weightingNote,
  moreFindingsNote,
  recommendations,
  themeSummary,
  uncapitalize,
  type Recommendation,
} from "./report";

export interface ReportMeta {
  waveCode: string;
  waveTitle: string;
  /** The filters in words ("Financial services · 2026-11-01 to …", or "everyone"). */
  population: string;
  /** YYYY-MM-DD. */
  generated: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 60, side: 54 };
const CONTENT_WIDTH = A4.width - 2 * MARGIN.side;
const COLOR = {
  text: rgb(0.12, 0.16, 0.23), // slate-800
  muted: rgb(0.28, 0.33, 0.41), // slate-600
  rule: rgb(0.8, 0.84, 0.88), // slate-300
  faint: rgb(0.95, 0.96, 0.97), // slate-100
  brand: rgb(0.145, 0.341, 0.91), // brand-600
  brandDark: rgb(0.09, 0.145, 0.329), // brand-900
  brandPale: rgb(0.933, 0.957, 1), // brand-50
  others: rgb(0.58, 0.64, 0.72), // slate-400
};

let fontBytes: Promise<[Uint8Array, Uint8Array]> | null = null;
function loadFonts(): Promise<[Uint8Array, Uint8Array]> {
  // The server runs from the app's root (next start and scripts/serve.ts alike).
  const dir = path.join(process.cwd(), "assets", "fonts");
  fontBytes ??= Promise.all([readFile(path.join(dir, "LiberationSans-Regular.ttf")), readFile(path.join(dir, "LiberationSans-Bold.ttf"))]);
  fontBytes.catch(() => (fontBytes = null));
  return fontBytes;
}

/** The report as PDF bytes. */
export async function renderFindingsPdf(report: FindingsReport, meta: ReportMeta): Promise<Uint8Array> {
  const [regularBytes, boldBytes] = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const covered = coverage(regularBytes, boldBytes);
  doc.setTitle(`${REPORT_TITLE} · ${meta.waveTitle}`);
  doc.setSubject(`Population: ${meta.population}`);
  doc.setAuthor("Readiness Radar");
  doc.setCreator("Readiness Radar");
  doc.setProducer("Readiness Radar (pdf-lib)");
  doc.setCreationDate(new Date(`${meta.generated}T00:00:00Z`));

  const out = new Layout(doc, { regular, bold }, covered);
  writeHeader(out, report, meta);
  const empty = emptyReportNote(report);
  if (empty) {
    out.callout(empty, COLOR.faint);
  } else {
    const recs = recommendations(report.findings);
    writeSummary(out, report, recs);
    out.newPage();
    writeCharts(out, report, recs);
    out.newPage();
    writeThemes(out, report.findings, report.k);
    if (recs.length > 0) {
      // A new page unless a good part of this one is left.
      out.ensure(A4.height / 3);
      writeRecommendations(out, recs, report.findings.filter((f) => f.architectures.length === 0).length);
    }
  }
  writeMethod(out, report.k, report.weighting.state === "weighted");
  out.finish(`Readiness Radar · ${REPORT_TITLE} · ${meta.waveCode}`);
  return doc.save();
}

/** Which characters both fonts can draw (the rest become "?"). */
function coverage(...fonts: Uint8Array[]): (codePoint: number) => boolean {
  const parsed = fonts.map((bytes) => fontkit.create(bytes));
  const cache = new Map<number, boolean>();
  return (codePoint) => {
    let ok = cache.get(codePoint);
    if (ok === undefined) {
      ok = parsed.every((font) => font.hasGlyphForCodePoint(codePoint));
      cache.set(codePoint, ok);
    }
    return ok;
  };
}

// Sections -------------------------------------------------------------------------------------

function writeHeader(out: Layout, report: FindingsReport, meta: ReportMeta) {
  out.text(`READINESS RADAR · ${meta.waveTitle.toUpperCase()}`, { size: 9, color: COLOR.muted });
  out.text(REPORT_TITLE, { size: 22, font: "bold", color: COLOR.brandDark, after: 8 });
  out.text(`Wave: ${meta.waveTitle} (${meta.waveCode})`, { size: 10 });
  out.text(`Filters: ${meta.population}`, { size: 10 });
  const responses = report.reportable ? `${report.population.toLocaleString("en")} complete responses` : "too few to report";
  out.text(`Population: ${responses}. Generated ${meta.generated}.`, { size: 10 });
  out.text(weightingNote(report.weighting), { size: 10, after: 6 });
  out.rule();
}

function writeSummary(out: Layout, report: FindingsReport, recs: Recommendation[]) {
  const findings = report.findings;
  out.heading("Summary");
  out.figures([
    ["Complete responses", report.population.toLocaleString("en")],
    ["Supported findings", String(findings.length)],
    ["Themes", String(findingsByTheme(findings).length)],
    ["Architectures recommended", String(recs.length)],
  ]);
  out.subheading("The three strongest findings");
  out.list(
    findings.slice(0, 3).map((f) => f.headline),
    "numbered",
  );
  const lead = recs[0];
  if (lead) {
    out.callout(
      `Most supported recommendation: ${lead.name}, the first recommendation of ${lead.findings.length} of ${findings.length} ` +
        `findings. ${lead.reasons[0] ?? ""}`.trim(),
      COLOR.brandPale,
      `Most supported recommendation: ${lead.name}`,
    );
  }
  out.text(themeSummary(findings), { size: 9.5, color: COLOR.muted });
}

function writeCharts(out: Layout, report: FindingsReport, recs: Recommendation[]) {
  out.heading("Key charts");
  const shares = chartedShares(report.findings);
  if (shares.length > 0) {
    out.subheading("The largest differences in shares: the group against everyone else");
    out.legend([
      ["Group", COLOR.brand],
      ["Everyone else", COLOR.others],
    ]);
    out.text(`A hatched outline marked “<${report.k}” is a figure withheld to protect small groups; it is not zero.`, {
      size: 8.5,
      color: COLOR.muted,
      after: 6,
    });
    for (const f of shares) {
      out.barGroup(`${capitalize(f.segment.label)}: ${uncapitalize(f.measure)}`, [
        { label: "Group", share: f.segmentValue, text: formatValue(f, f.segmentValue), color: COLOR.brand },
        {
          label: "Everyone else",
          share: f.othersValue,
          text: f.othersValue === null ? `<${report.k}` : formatValue(f, f.othersValue),
          color: COLOR.others,
        },
      ]);
    }
    out.space(10);
  }
  if (recs.length > 0) {
    out.subheading("Findings behind each recommended architecture");
    const most = Math.max(1, ...recs.map((r) => r.findings.length));
    for (const r of recs) {
      out.barGroup(r.name, [{ label: "", share: r.findings.length / most, text: String(r.findings.length), color: COLOR.brand }]);
    }
  }
}

function writeThemes(out: Layout, findings: LinkedFinding[], k: number) {
  out.heading("Findings by theme");
  const number = new Map(findings.map((f, i) => [f.id, i + 1]));
  for (const theme of findingsByTheme(findings)) {
    out.subheading(`${theme.title} (${theme.findings.length})`, 60);
    out.text(theme.intro, { size: 9.5, color: COLOR.muted, after: 4 });
    const rows = theme.findings.slice(0, ROWS_PER_THEME).map((f) => ({
      number: String(number.get(f.id) ?? ""),
      finding: f.headline,
      note: f.architectures[0] ? `→ ${f.architectures[0].name} (see Recommendations)` : null,
      figures: `${formatValue(f, f.segmentValue)} vs ${f.othersValue === null ? `<${k}` : formatValue(f, f.othersValue)}`,
      difference: formatDifference(f),
      q: formatQ(f.q),
    }));
    const note = moreFindingsNote(theme, theme.findings.length);
    // The note stays on the page of the table's last row.
    out.findingsTable(rows, note ? 16 : 0);
    if (note) out.text(note, { size: 8.5, color: COLOR.muted });
    out.space(10);
  }
}

function writeRecommendations(out: Layout, recs: Recommendation[], unlinked: number) {
  out.heading("Recommendations");
  out.text(
    "Each architecture once, with the findings (by number) that point to it first." +
      (unlinked > 0 ? ` ${unlinked} finding${unlinked === 1 ? " points" : "s point"} to no architecture by itself.` : ""),
    { size: 9.5, color: COLOR.muted, after: 6 },
  );
  for (const r of recs) {
    out.block(() => {
      out.subheading(r.name, 0);
      const description = getArchitecture(r.id)?.description;
      if (description) out.text(description, { size: 10 });
      out.text(`Supported by ${r.findings.length} finding${r.findings.length === 1 ? "" : "s"}: #${r.findings.join(", #")}`, {
        size: 9.5,
        color: COLOR.muted,
      });
      if (r.reasons[0]) out.text(r.reasons[0], { size: 9.5, label: "For example: " });
      out.text(r.tradeoff, { size: 9.5, label: "Trade-off: ", after: 10 });
    });
  }
}

function writeMethod(out: Layout, k: number, weighted: boolean) {
  out.block(() => {
    out.heading("Method and caveats");
    out.list(methodNotes(k, weighted), "bullets");
  });
}

// Layout ---------------------------------------------------------------------------------------

interface TextOptions {
  size?: number;
  font?: "regular" | "bold";
  color?: RGB;
  /** Left indent in points. */
  indent?: number;
  /** Width available (defaults to the rest of the line). */
  width?: number;
  /** Space after, in points. */
  after?: number;
  /** A bold lead-in drawn before the text on its first line ("Trade-off: "). */
  label?: string;
}

interface Bar {
  label: string;
  /** 0–1 of the track, or null when the figure is withheld. */
  share: number | null;
  text: string;
  color: RGB;
}

interface TableRow {
  number: string;
  finding: string;
  note: string | null;
  figures: string;
  difference: string;
  q: string;
}

/** A top-down cursor over A4 pages: wraps text, keeps blocks together, breaks pages. */
class Layout {
  private page!: PDFPage;
  private y = 0;
  /** Inside block(): draw nothing, only measure. */
  private measuring = false;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly covered: (codePoint: number) => boolean,
  ) {
    this.newPage();
  }

  newPage() {
    if (this.measuring) return;
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  private get atTop() {
    return this.y >= A4.height - MARGIN.top - 0.5;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number) {
    if (!this.atTop && this.y - height < MARGIN.bottom) this.newPage();
  }

  space(points: number) {
    this.y -= points;
  }

  /** Draws `draw` on one page: measured first, then on a new page if it would not fit. */
  block(draw: () => void) {
    const start = this.y;
    const wasMeasuring = this.measuring;
    this.measuring = true;
    draw();
    const height = start - this.y;
    this.y = start;
    this.measuring = wasMeasuring;
    this.ensure(height);
    draw();
  }

  /** Characters the embedded font cannot draw become "?" (never a missing glyph). */
  private clean(text: string): string {
    let out = "";
    for (const char of text.replace(/[\r\n\t]+/g, " ")) {
      const cp = char.codePointAt(0) ?? 63;
      out += cp === 32 || this.covered(cp) ? char : "?";
    }
    return out;
  }

  private font(name: "regular" | "bold" = "regular") {
    return this.fonts[name];
  }

  private width(text: string, size: number, font: "regular" | "bold" = "regular") {
    return this.font(font).widthOfTextAtSize(text, size);
  }

  /** Lines of at most `width` points (words kept whole unless one alone is too wide). */
  wrap(text: string, size: number, width: number, font: "regular" | "bold" = "regular", firstLineIndent = 0): string[] {
    const lines: string[] = [];
    let line = "";
    let room = width - firstLineIndent;
    for (const word of this.clean(text).split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.width(candidate, size, font) <= room) {
        line = candidate;
        continue;
      }
      if (line) {
        lines.push(line);
        room = width;
      }
      // A word wider than the line is cut where it must be.
      let rest = word;
      while (this.width(rest, size, font) > room) {
        // The longest prefix that fits (binary search: measuring text is the costly part).
        let [fits, tooLong] = [1, rest.length];
        while (tooLong - fits > 1) {
          const mid = (fits + tooLong) >> 1;
          if (this.width(rest.slice(0, mid), size, font) <= room) fits = mid;
          else tooLong = mid;
        }
        const cut = fits;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        room = width;
      }
      line = rest;
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
  }

  private draw(text: string, x: number, y: number, size: number, font: "regular" | "bold" = "regular", color: RGB = COLOR.text) {
    if (this.measuring || text === "") return;
    this.page.drawText(text, { x, y, size, font: this.font(font), color });
  }

  text(text: string, options: TextOptions = {}) {
    const { size = 10.5, font = "regular", color = COLOR.text, indent = 0, after = 2, label } = options;
    const width = options.width ?? CONTENT_WIDTH - indent;
    const leading = size * 1.35;
    const labelWidth = label ? this.width(label, size, "bold") : 0;
    const lines = this.wrap(text, size, width, font, labelWidth);
    lines.forEach((line, i) => {
      this.ensure(leading);
      this.y -= leading;
      const x = MARGIN.side + indent;
      if (i === 0 && label) this.draw(label, x, this.y + size * 0.25, size, "bold", COLOR.text);
      this.draw(line, x + (i === 0 ? labelWidth : 0), this.y + size * 0.25, size, font, color);
    });
    this.y -= after;
  }

  /** A section title, kept with at least `keep` points of what follows. */
  heading(title: string) {
    this.ensure(90);
    if (!this.atTop) this.space(8);
    this.text(title, { size: 16, font: "bold", color: COLOR.brandDark, after: 6 });
  }

  subheading(title: string, keep = 60) {
    this.ensure(keep + 18);
    this.text(title, { size: 11.5, font: "bold", color: COLOR.brandDark, after: 3 });
  }

  rule() {
    this.ensure(12);
    this.y -= 4;
    if (!this.measuring) {
      this.page.drawLine({
        start: { x: MARGIN.side, y: this.y },
        end: { x: A4.width - MARGIN.side, y: this.y },
        thickness: 0.75,
        color: COLOR.rule,
      });
    }
    this.y -= 12;
  }

  list(items: string[], style: "numbered" | "bullets") {
    items.forEach((item, i) => {
      const marker = style === "numbered" ? `${i + 1}.` : "•";
      const size = 10.5;
      const lines = this.wrap(item, size, CONTENT_WIDTH - 18);
      this.ensure(lines.length * size * 1.35);
      this.draw(marker, MARGIN.side + 2, this.y - size * 1.35 + size * 0.25, size);
      this.text(item, { size, indent: 18, after: 3 });
    });
    this.space(4);
  }

  /** Labelled figures in boxes across the line. */
  figures(items: [string, string][]) {
    const gap = 8;
    const width = (CONTENT_WIDTH - gap * (items.length - 1)) / items.length;
    const height = 50;
    this.ensure(height + 10);
    const top = this.y;
    items.forEach(([label, value], i) => {
      const x = MARGIN.side + i * (width + gap);
      if (!this.measuring) {
        this.page.drawRectangle({ x, y: top - height, width, height, borderColor: COLOR.rule, borderWidth: 0.75 });
      }
      this.wrap(label.toUpperCase(), 6.5, width - 14).forEach((line, j) =>
        this.draw(line, x + 7, top - 12 - j * 8, 6.5, "regular", COLOR.muted),
      );
      this.draw(this.clean(value), x + 7, top - 40, 18, "bold", COLOR.brandDark);
    });
    this.y = top - height - 12;
  }

  /** A paragraph in a tinted box; `lead` (its first words, when they fit the first line) in bold. */
  callout(text: string, fill: RGB, lead?: string) {
    const size = 10;
    const leading = size * 1.35;
    const pad = 8;
    // Wrapped a little narrower than the box: the bold lead is wider than the regular text measured.
    const lines = this.wrap(text, size, (CONTENT_WIDTH - 2 * pad) * 0.94);
    const height = lines.length * leading + 2 * pad;
    this.ensure(height + 8);
    const top = this.y;
    if (!this.measuring) {
      this.page.drawRectangle({
        x: MARGIN.side,
        y: top - height,
        width: CONTENT_WIDTH,
        height,
        color: fill,
        borderColor: COLOR.rule,
        borderWidth: 0.75,
      });
    }
    let y = top - pad;
    for (const [i, line] of lines.entries()) {
      y -= leading;
      const leadText = lead && i === 0 && line.startsWith(this.clean(lead)) ? this.clean(lead) : null;
      if (leadText) {
        this.draw(this.clean(leadText), MARGIN.side + pad, y + size * 0.25, size, "bold", COLOR.brandDark);
        this.draw(line.slice(leadText.length), MARGIN.side + pad + this.width(leadText, size, "bold"), y + size * 0.25, size);
      } else {
        this.draw(line, MARGIN.side + pad, y + size * 0.25, size);
      }
    }
    this.y = top - height - 10;
  }

  legend(items: [string, RGB][]) {
    this.ensure(16);
    let x = MARGIN.side;
    const y = this.y - 10;
    for (const [label, color] of items) {
      if (!this.measuring) this.page.drawRectangle({ x, y, width: 10, height: 7, color });
      this.draw(label, x + 14, y, 8.5, "regular", COLOR.muted);
      x += 14 + this.width(label, 8.5) + 16;
    }
    this.y -= 16;
  }

  /** A label over one or more horizontal bars, each with its figure; kept on one page. */
  barGroup(label: string, bars: Bar[]) {
    const size = 9;
    const labelLines = this.wrap(label, size, CONTENT_WIDTH);
    const barHeight = 9;
    const rowHeight = 13;
    const height = labelLines.length * size * 1.3 + bars.length * rowHeight + 6;
    this.ensure(height);
    for (const line of labelLines) {
      this.y -= size * 1.3;
      this.draw(line, MARGIN.side, this.y + 2, size);
    }
    const keyWidth = bars.some((b) => b.label) ? 70 : 0;
    const figureWidth = 40;
    const track = CONTENT_WIDTH - keyWidth - figureWidth - 8;
    for (const bar of bars) {
      this.y -= rowHeight;
      const x = MARGIN.side + keyWidth;
      const y = this.y + 1;
      this.draw(bar.label, MARGIN.side, y + 1, 8, "regular", COLOR.muted);
      if (!this.measuring) {
        this.page.drawRectangle({ x, y, width: track, height: barHeight, color: COLOR.faint });
        if (bar.share === null) this.hatched(x, y, track * 0.12, barHeight);
        else this.page.drawRectangle({ x, y, width: Math.max(1, Math.min(1, bar.share) * track), height: barHeight, color: bar.color });
      }
      this.draw(bar.text, x + track + 8, y + 1, 9, bar.share === null ? "bold" : "regular", COLOR.text);
    }
    this.y -= 6;
  }

  /** A withheld figure: a dashed outline filled with diagonal hatching. */
  private hatched(x: number, y: number, width: number, height: number) {
    this.page.drawRectangle({ x, y, width, height, borderColor: COLOR.muted, borderWidth: 0.75, borderDashArray: [2, 1.5] });
    for (let offset = -height; offset < width; offset += 3.5) {
      const x0 = Math.max(x, x + offset);
      const y0 = y + Math.max(0, -offset);
      const x1 = Math.min(x + width, x + offset + height);
      const y1 = y + Math.min(height, width - offset);
      this.page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y1 }, thickness: 0.5, color: COLOR.muted });
    }
  }

  /** The theme tables: #, finding (with its architecture pointer), group vs others, q. Rows never split. */
  /** `trailing`: points that must follow the last row on its page (a note under the table). */
  findingsTable(rows: TableRow[], trailing = 0) {
    const col = { number: 22, figures: 120, q: 48 };
    const findingWidth = CONTENT_WIDTH - col.number - col.figures - col.q - 12;
    const size = 9.5;
    const leading = size * 1.3;
    const header = () => {
      this.y -= leading;
      const y = this.y + 3;
      this.draw("#", MARGIN.side, y, 8, "bold", COLOR.muted);
      this.draw("Finding", MARGIN.side + col.number, y, 8, "bold", COLOR.muted);
      this.drawRight("Group vs others", MARGIN.side + CONTENT_WIDTH - col.q - 6, y, 8, "bold", COLOR.muted);
      this.drawRight("q", MARGIN.side + CONTENT_WIDTH, y, 8, "bold", COLOR.muted);
      this.line(this.y - 1, COLOR.rule);
      this.y -= 3;
    };
    this.ensure(leading * 4);
    header();
    for (const [i, row] of rows.entries()) {
      const lines = this.wrap(row.finding, size, findingWidth);
      const notes = row.note ? this.wrap(row.note, 8, findingWidth) : [];
      const height = lines.length * leading + notes.length * 10 + 6;
      if (this.y - height - (i === rows.length - 1 ? trailing : 0) < MARGIN.bottom) {
        this.newPage();
        header();
      }
      const top = this.y;
      this.draw(row.number, MARGIN.side, top - leading + 3, size, "regular", COLOR.muted);
      lines.forEach((line, i) => this.draw(line, MARGIN.side + col.number, top - (i + 1) * leading + 3, size));
      notes.forEach((line, i) =>
        this.draw(line, MARGIN.side + col.number, top - lines.length * leading - (i + 1) * 10 + 2, 8, "regular", COLOR.muted),
      );
      const right = MARGIN.side + CONTENT_WIDTH - col.q - 6;
      this.drawRight(row.figures, right, top - leading + 3, size);
      this.drawRight(row.difference, right, top - 2 * leading + 3, 8.5, "regular", COLOR.muted);
      this.drawRight(row.q, MARGIN.side + CONTENT_WIDTH, top - leading + 3, size);
      this.y = top - Math.max(height, 2 * leading + 6);
      this.line(this.y + 2, COLOR.faint);
    }
    this.y -= 4;
  }

  private drawRight(text: string, right: number, y: number, size: number, font: "regular" | "bold" = "regular", color: RGB = COLOR.text) {
    const clean = this.clean(text);
    this.draw(clean, right - this.width(clean, size, font), y, size, font, color);
  }

  private line(y: number, color: RGB) {
    if (this.measuring) return;
    this.page.drawLine({ start: { x: MARGIN.side, y }, end: { x: A4.width - MARGIN.side, y }, thickness: 0.6, color });
  }

  /** The running footer on every page: the report's name and "Page i of n". */
  finish(footer: string) {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const y = MARGIN.bottom - 30;
      page.drawLine({
        start: { x: MARGIN.side, y: y + 12 },
        end: { x: A4.width - MARGIN.side, y: y + 12 },
        thickness: 0.5,
        color: COLOR.rule,
      });
      page.drawText(this.clean(footer), { x: MARGIN.side, y, size: 8, font: this.fonts.regular, color: COLOR.muted });
      const number = `Page ${i + 1} of ${pages.length}`;
      const width = this.width(number, 8);
      page.drawText(number, { x: A4.width - MARGIN.side - width, y, size: 8, font: this.fonts.regular, color: COLOR.muted });
    });
  }
}

import { describe, expect, it } from "vitest";
import { neutralizeCell, toCsv } from "@/lib/csv/safe";

describe("spreadsheet-safe CSV", () => {
  it("neutralizes cells a spreadsheet would evaluate", () => {
    for (const hostile of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x", '=HYPERLINK("http://evil","x")']) {
      expect(neutralizeCell(hostile).startsWith("'")).toBe(true);
    }
    expect(neutralizeCell("plain")).toBe("plain");
    expect(neutralizeCell(-3.5)).toBe("-3.5");
    expect(neutralizeCell(null)).toBe("");
  });

  it("quotes commas, quotes, newlines and keeps Unicode, with an optional BOM", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        ["x, y", 'say "hi"'],
        ["line1\nline2", "naïve 🚀"],
      ],
      { bom: true },
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toBe('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"line1\nline2",naïve 🚀\r\n');
  });
});

// The statisticians' bundle: loaders for the responses CSV in SPSS (PSPP), R, Stata and a
// Frictionless datapackage.json, generated from the same export columns as the CSV and its
// codebook (./columns.ts), so names, labels and value labels cannot drift. Pure: the download
// route zips these beside the CSV.
//
// Free text in the CSV is neutralized for spreadsheets: a value starting with = + - @, a tab or a
// carriage return gets a leading apostrophe (a "-5" answer reads '-5). The R and SPSS loaders strip
// that apostrophe again where it is followed by one of those characters; Stata's do-file does the
// same. (An answer that itself began with an apostrophe followed by one of them loses its
// apostrophe: the one case the prefix cannot tell apart.)
import type { Instrument } from "@/lib/survey/instrument-schema";
import type { ExportColumn } from "./columns";

export interface BundleOptions {
  /** The CSV's file name inside the bundle. */
  csvFile: string;
  waveCodes: string[];
  instrument: Pick<Instrument, "id" | "version" | "title">;
  /** The CSV carries a `weight` column (the wave is weighted). */
  weighted: boolean;
  /** Small-cell suppression threshold of the aggregate exports (for the datapackage's notes). */
  suppressionK: number;
}

/** The CSV's columns: the export columns, then `weight` when weighted. */
export function bundleColumns(columns: readonly ExportColumn[], weighted: boolean): ExportColumn[] {
  return weighted ? [...columns, WEIGHT_COLUMN] : [...columns];
}

export const WEIGHT_COLUMN: ExportColumn = {
  name: "weight",
  question: "",
  label: "Raking weight (mean 1 over complete responses; empty for partial ones)",
  kind: "meta",
  sql: "",
  questionText:
    "Present when the wave is weighted (targets set and raking converged): iterative proportional fitting of the complete " +
    "responses to the wave's target margins, as R's survey::rake() with epsilon 1e-6; one weight per profile cell " +
    "(industry x region x company size x role). Use it as a sampling weight: svydesign(ids = ~1, weights = ~weight).",
  help: "",
  role: "",
};

const NUMERIC_META = new Set(["readiness_index", "weight"]);
/** Numeric columns: likert scores, 0/1 multi-select flags, the readiness index and the weight. */
export const isNumeric = (c: ExportColumn) => c.kind === "likert" || c.kind === "multi" || NUMERIC_META.has(c.name);
/** Columns whose labels map codes to words (singles and ranks hold option ids; likerts scores). */
const hasValueLabels = (c: ExportColumn) =>
  (c.kind === "single" || c.kind === "rank" || c.kind === "likert" || c.kind === "multi") && !!c.values;

const header = (o: BundleOptions, comment: string) =>
  [
    `Readiness Radar responses: wave ${o.waveCodes.join(", ")}, instrument ${o.instrument.id} version ${o.instrument.version}.`,
    `Reads ${o.csvFile} (UTF-8, comma separated, header row). Empty cells are missing values.`,
    `Free text that began with = + - @ (a spreadsheet formula) carries a leading ' in the CSV; this file strips it.`,
    ...(o.weighted
      ? ["weight: raking weights to the wave's target margins (survey::rake, epsilon 1e-6)."]
      : ["Unweighted: every weight is 1."]),
  ].map((line) => `${comment} ${line}`);

// ---------------------------------------------------------------------------------------------
// SPSS / PSPP syntax

const spssString = (s: string) => `'${s.replace(/'/g, "''").replace(/[\r\n]+/g, " ")}'`;
const FORMULA_PREFIX_CHARS = ["=", "+", "-", "@"];

export function spssSyntax(columns: readonly ExportColumn[], o: BundleOptions): string {
  const all = bundleColumns(columns, o.weighted);
  const format = (c: ExportColumn) => (isNumeric(c) ? "F12.6" : c.kind === "text" ? "A4000" : "A255");
  const lines = [
    ...header(o, "*"),
    "SET DECIMAL=DOT.",
    "GET DATA /TYPE=TXT",
    `  /FILE=${spssString(o.csvFile)}`,
    "  /ENCODING='UTF8'",
    "  /ARRANGEMENT=DELIMITED",
    "  /DELCASE=LINE",
    "  /FIRSTCASE=2",
    `  /DELIMITERS=","`,
    `  /QUALIFIER='"'`,
    "  /VARIABLES=",
    ...all.map((c) => `    ${c.name} ${format(c)}`),
    ".",
    "VARIABLE LABELS",
    ...all.map((c, i) => `  ${c.name} ${spssString(c.label)}${i === all.length - 1 ? "." : ""}`),
  ];
  const labelled = all.filter(hasValueLabels);
  if (labelled.length > 0) {
    lines.push("VALUE LABELS");
    labelled.forEach((c, i) => {
      const value = (v: string) => (isNumeric(c) ? v : spssString(v));
      lines.push(`  /${c.name}`, ...(c.values ?? []).map((v) => `    ${value(v.value)} ${spssString(v.label)}`));
      if (i === labelled.length - 1) lines.push(".");
    });
  }
  for (const c of all.filter((col) => col.kind === "text")) {
    const anyPrefix = FORMULA_PREFIX_CHARS.map((ch) => spssString(ch)).join(", ");
    lines.push(
      `DO IF SUBSTR(${c.name}, 1, 1) = "'" AND ANY(SUBSTR(${c.name}, 2, 1), ${anyPrefix}).`,
      `  COMPUTE ${c.name} = SUBSTR(${c.name}, 2).`,
      "END IF.",
    );
  }
  lines.push(
    `MISSING VALUES ${all
      .filter(isNumeric)
      .map((c) => c.name)
      .join(" ")} ().`,
  );
  if (o.weighted)
    lines.push(
      "* SPSS treats WEIGHT as frequency weights: estimates are right, standard errors of base procedures are not design-based.",
      "WEIGHT BY weight.",
    );
  lines.push("EXECUTE.", "");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// R

const rString = (s: string) => JSON.stringify(s);
const rVector = (xs: readonly string[]) => `c(${xs.map(rString).join(", ")})`;
const rName = (name: string) => `d[[${rString(name)}]]`;

export function rScript(columns: readonly ExportColumn[], o: BundleOptions): string {
  const all = bundleColumns(columns, o.weighted);
  const lines = [
    ...header(o, "#"),
    '# Needs the survey package: install.packages("survey").',
    "library(survey)",
    `d <- read.csv(${rString(o.csvFile)}, colClasses = "character", na.strings = "", encoding = "UTF-8", check.names = FALSE)`,
    `unneutralize <- function(x) sub("^'([-=+@\\t\\r])", "\\\\1", x)`,
  ];
  for (const c of all) {
    const v = rName(c.name);
    if (c.kind === "text") lines.push(`${v} <- unneutralize(${v})`);
    else if (c.kind === "single" || c.kind === "rank")
      lines.push(
        `${v} <- factor(${v}, levels = ${rVector((c.values ?? []).map((x) => x.value))}, labels = ${rVector((c.values ?? []).map((x) => x.label))})`,
      );
    else if (isNumeric(c)) lines.push(`${v} <- as.numeric(${v})`);
  }
  lines.push(
    `labels <- ${rVector(all.map((c) => c.label))}`,
    'for (i in seq_along(d)) attr(d[[i]], "label") <- labels[[i]]',
    `complete <- d[d$status == "complete", ]`,
    ...(o.weighted ? [] : ["complete$weight <- 1"]),
    "# The design every weighted figure of the app uses: svymean(~readiness_index, design) equals its mean and SE.",
    "design <- svydesign(ids = ~1, weights = ~weight, data = complete)",
    "",
  );
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Stata

const stataString = (s: string) => `\`"${s.replace(/[\r\n]+/g, " ").replace(/"'/g, "\" '")}"'`;

export function stataDo(columns: readonly ExportColumn[], o: BundleOptions): string {
  const all = bundleColumns(columns, o.weighted);
  const lines = [
    ...header(o, "*"),
    "* Stata names are at most 32 characters: longer column names are cut by import delimited.",
    `import delimited using ${stataString(o.csvFile)}, varnames(1) stringcols(_all) encoding("utf-8") bindquote(strict) case(preserve) clear`,
  ];
  for (const c of all) {
    if (c.kind === "text") lines.push(`replace ${c.name} = substr(${c.name}, 2, .) if regexm(${c.name}, "^'[-=+@]")`);
    else if (isNumeric(c)) lines.push(`destring ${c.name}, replace`);
    lines.push(`label variable ${c.name} ${stataString(c.label.slice(0, 80))}`);
  }
  for (const c of all.filter((col) => col.kind === "single" || col.kind === "rank")) {
    const values = c.values ?? [];
    const lbl = `${c.name.slice(0, 28)}_lbl`;
    lines.push(`label define ${lbl} ${values.map((v, i) => `${i + 1} ${stataString(v.label)}`).join(" ")}, replace`);
    lines.push(`generate int ${c.name}_c = .`);
    values.forEach((v, i) => lines.push(`replace ${c.name}_c = ${i + 1} if ${c.name} == ${stataString(v.value)}`));
    lines.push(`label values ${c.name}_c ${lbl}`);
  }
  lines.push('keep if status == "complete"', ...(o.weighted ? ["svyset [pweight = weight]"] : ["svyset _n"]), "");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Frictionless datapackage.json

export function dataPackage(columns: readonly ExportColumn[], o: BundleOptions): Record<string, unknown> {
  const all = bundleColumns(columns, o.weighted);
  const fieldOf = (c: ExportColumn) => ({
    name: c.name,
    type:
      c.name === "readiness_index" || c.name === "weight"
        ? "number"
        : isNumeric(c)
          ? "integer"
          : c.name.endsWith("_at")
            ? "datetime"
            : "string",
    title: c.label,
    ...(c.questionText ? { description: c.questionText } : {}),
    ...(c.kind === "single" || c.kind === "rank" || c.kind === "likert" || c.kind === "multi"
      ? {
          constraints: { enum: (c.values ?? []).map((v) => (isNumeric(c) ? Number(v.value) : v.value)) },
          "x-valueLabels": Object.fromEntries((c.values ?? []).map((v) => [v.value, v.label])),
        }
      : {}),
    ...(c.kind === "text" ? { "x-formulaPrefix": "A leading ' was added before = + - @ (spreadsheet formulas); strip it." } : {}),
  });
  return {
    profile: "tabular-data-package",
    name: `readiness-radar-${o.waveCodes
      .join("-")
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, "-")}`,
    title: `${o.instrument.title}: responses`,
    "x-instrument": { id: o.instrument.id, version: o.instrument.version },
    "x-waves": o.waveCodes,
    "x-suppression": {
      k: o.suppressionK,
      note: "Row-level responses are not suppressed; the aggregate exports withhold cells with fewer than k responses (counted unweighted).",
    },
    resources: [
      {
        name: "responses",
        path: o.csvFile,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", quoteChar: '"', header: true },
        schema: { fields: all.map(fieldOf), missingValues: [""], primaryKey: ["response_id"] },
        ...(o.weighted ? { "x-weight": "weight" } : {}),
      },
    ],
  };
}

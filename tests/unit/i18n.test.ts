// The respondent's languages (issue 19): every catalog complete and nothing in it unused, every
// message well-formed with the same arguments as English, every bundled instrument translated into
// every respondent language, a wave definition missing a translation refused by path, and how a
// language is chosen and kept in URLs.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { localeFromParam, LOCALES, negotiateLocale, withLang, dirOf } from "@/lib/i18n/locales";
import { bundledInstruments } from "@/lib/survey/instruments";
import { localizeInstrument, translatableTexts, translationGaps } from "@/lib/survey/translations";
import { checkDefinition } from "@/lib/waves/definition";
import { exportColumns } from "@/lib/exports/columns";

const ROOT = path.resolve(__dirname, "../..");
type Catalog = Record<string, Record<string, string>>;
const catalog = (locale: string): Catalog => JSON.parse(readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8")) as Catalog;
const en = catalog("en");
const keysOf = (c: Catalog) => Object.entries(c).flatMap(([ns, messages]) => Object.keys(messages).map((key) => `${ns}.${key}`));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The ICU arguments and rich-text tags a message uses ({name}, {n, number}, <strong>). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g)) names.add(match[1]!);
  for (const match of message.matchAll(/<(\w+)>/g)) names.add(`<${match[1]}>`);
  return [...names].sort();
}

describe("message catalogs", () => {
  it("exist for every respondent language, with exactly English's keys", () => {
    expect(readdirSync(path.join(ROOT, "messages")).sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
    for (const locale of LOCALES) {
      const keys = new Set(keysOf(catalog(locale)));
      const reference = new Set(keysOf(en));
      expect(
        [...reference].filter((k) => !keys.has(k)),
        `${locale}: missing keys`,
      ).toEqual([]);
      expect(
        [...keys].filter((k) => !reference.has(k)),
        `${locale}: keys English does not have`,
      ).toEqual([]);
      for (const key of keys) {
        const [ns = "", name = ""] = key.split(".");
        expect(catalog(locale)[ns]?.[name]?.trim(), `${locale}: ${key} is empty`).toBeTruthy();
      }
    }
  });

  it("use every key: each appears as a literal in a source file of its namespace", () => {
    const files = ["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(ROOT, dir))).map((f) => readFileSync(f, "utf8"));
    const unused = keysOf(en).filter((key) => {
      const [ns = "", name = ""] = key.split(".");
      return !files.some((text) => text.includes(`"${ns}"`) && text.includes(`"${name}"`));
    });
    expect(unused).toEqual([]);
  });

  it("are well-formed ICU messages with the same arguments as English", () => {
    for (const locale of LOCALES) {
      const c = catalog(locale);
      for (const key of keysOf(en)) {
        const [ns = "", name = ""] = key.split(".");
        const message = c[ns]?.[name] ?? "";
        expect(argumentsOf(message), `${locale}: ${key}`).toEqual(argumentsOf(en[ns]![name]!));
        const t = createTranslator({ locale, messages: c, namespace: ns as never });
        const values = Object.fromEntries(
          argumentsOf(message).map((arg) => (arg.startsWith("<") ? [arg.slice(1, -1), (chunks: string) => chunks] : [arg, 3])),
        );
        expect(
          () => (t as unknown as { markup: (k: string, v: object) => string }).markup(name, values),
          `${locale}: ${key}`,
        ).not.toThrow();
      }
    }
  });
});

describe("instrument translations", () => {
  it("translate every text of every bundled instrument into every respondent language", () => {
    for (const instrument of bundledInstruments) {
      for (const locale of LOCALES.filter((l) => l !== "en")) {
        expect(translationGaps(instrument, locale), `${instrument.id} v${instrument.version} in ${locale}`).toEqual({
          missing: [],
          unknown: [],
        });
      }
    }
  });

  it("are refused by path when a text is missing, unknown, or the language is not offered", () => {
    const [v1] = bundledInstruments;
    const definition = JSON.parse(JSON.stringify(v1)) as { translations: Record<string, Record<string, string>> };
    delete definition.translations.es!["questions.industry.label"];
    definition.translations.es!["questions.nope.label"] = "¿Qué?";
    definition.translations.xx = { title: "?" };
    const check = checkDefinition(definition);
    expect(check.ok).toBe(false);
    const issues = check.ok ? [] : check.issues;
    expect(issues).toContainEqual({ path: "translations.es.questions.industry.label", message: "missing translation" });
    expect(issues).toContainEqual({ path: "translations.es.questions.nope.label", message: "translates no text of this instrument" });
    expect(issues.some((i) => i.path === "translations.xx" && /not a respondent language/.test(i.message))).toBe(true);
  });

  it("localize every label and carry no other language", () => {
    const [v1] = bundledInstruments;
    const es = localizeInstrument(v1!, "es");
    expect(es.translations).toBeUndefined();
    const texts = translatableTexts(es);
    for (const key of translatableTexts(v1!).keys()) expect(texts.get(key), key).toBe(v1!.translations?.es?.[key]);
    // English and a wave without translations read as the instrument itself.
    expect(translatableTexts(localizeInstrument(v1!, "en"))).toEqual(translatableTexts(v1!));
  });
});

describe("choosing the language", () => {
  it("negotiates Accept-Language by weight and language, falling back to English", () => {
    expect(negotiateLocale("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale("fr;q=0.9, ar-EG;q=0.95")).toBe("ar");
    expect(negotiateLocale("ko, *;q=0.1")).toBe("en");
    expect(negotiateLocale("de-AT, en;q=0.5")).toBe("de");
    expect(negotiateLocale("fr-CA")).toBe("fr");
    expect(negotiateLocale("pt-PT, pt;q=0.9")).toBe("pt-BR");
    expect(negotiateLocale("zh-Hans-CN, zh;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale("ja-JP")).toBe("ja");
    expect(negotiateLocale("en;q=0, es;q=0.2")).toBe("es");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("garbage;;q=x")).toBe("en");
  });

  it("reads ?lang= in any case and keeps it in links; writes Arabic right to left", () => {
    expect(localeFromParam("ES")).toBe("es");
    expect(localeFromParam(["ar", "es"])).toBe("ar");
    expect(localeFromParam("klingon")).toBeNull();
    expect(localeFromParam("pt-br")).toBe("pt-BR");
    expect(localeFromParam("ZH-cn")).toBe("zh-CN");
    expect(withLang("/survey/x/result?deleted=1", "ar")).toBe("/survey/x/result?deleted=1&lang=ar");
    expect(withLang("/architectures/edge#latency", "es")).toBe("/architectures/edge?lang=es#latency");
    expect(withLang("/survey/x", null)).toBe("/survey/x");
    expect(dirOf("ar")).toBe("rtl");
    expect(dirOf("es")).toBe("ltr");
  });

  it("is exported with each response", () => {
    const [v1] = bundledInstruments;
    const language = exportColumns(v1!, "2026-Q4").find((c) => c.name === "language");
    expect(language).toMatchObject({ kind: "meta", sql: "language" });
  });
});

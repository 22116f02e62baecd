// The architecture catalog in the respondents' languages (issue 19): every language translates every
// architecture and every field, with English's list lengths, passes the catalog's own schema, and
// leaves no English behind; the lookups the pages use; and the translations stay on the server.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RTT_NOTE } from "@/lib/architecture/assumptions";
import { ARCHITECTURES, ARCHITECTURE_IDS, sentenceCount, type Architecture } from "@/lib/architecture/catalog";
import {
  architectureName,
  localizedArchitecture,
  localizedCatalog,
  localizedCatalogSchema,
  TRANSLATIONS,
} from "@/lib/architecture/localized";
import { LOCALES } from "@/lib/i18n/locales";

const TRANSLATED = LOCALES.filter((locale) => locale !== "en");
const LIST_FIELDS = ["fitsWhen", "avoidWhen", "operations"] as const;
const TEXT_FIELDS = ["name", "tagline", "description", "latency", "cost"] as const;

/** Every text of an entry by its path (description, fitsWhen[2], ...), in a fixed order. */
function textsOf(architecture: Architecture): [string, string][] {
  return [
    ...TEXT_FIELDS.map((field): [string, string] => [field, architecture[field]]),
    ...LIST_FIELDS.flatMap((field) => architecture[field].map((text, i): [string, string] => [`${field}[${i}]`, text])),
  ];
}

/** Product names and acronyms every language keeps as they are. */
const PROPER_NOUNS = /\b(?:vLLM|TensorRT-LLM|Core ML|ONNX Runtime|LiteRT|TLS|CDN|DNS|GPUs?|NPUs?|API|AI)\b/g;
const withoutProperNouns = (text: string) => text.replace(PROPER_NOUNS, " ");

/** Runs of four words, so a loanword (cluster, edge, failover) passes but an untranslated phrase does not. */
function wordRuns(text: string): Set<string> {
  const words =
    withoutProperNouns(text)
      .toLowerCase()
      .match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  return new Set(words.slice(0, -3).map((_, i) => words.slice(i, i + 4).join(" ")));
}

const LATIN = /[A-Za-z]/g;
const OWN_SCRIPT: Partial<Record<(typeof LOCALES)[number], RegExp>> = {
  ja: /[\u3040-\u30ff\u4e00-\u9fff]/g,
  "zh-CN": /[\u4e00-\u9fff]/g,
  ar: /[\u0600-\u06ff]/g,
};

describe("the architecture catalog in every respondent language", () => {
  it("has a translation for every language but English, and only those", () => {
    expect(Object.keys(TRANSLATIONS).sort()).toEqual([...TRANSLATED].sort());
  });

  it("translates every architecture and every field, with English's list lengths, and passes the catalog's schema", () => {
    for (const locale of TRANSLATED) {
      const parsed = localizedCatalogSchema.safeParse(TRANSLATIONS[locale]);
      expect(parsed.success ? [] : parsed.error.issues, locale).toEqual([]);
      const catalog = localizedCatalog(locale);
      expect(catalog.architectures.map((a) => a.id)).toEqual([...ARCHITECTURE_IDS]);
      ARCHITECTURES.forEach((english, i) => {
        const translated = catalog.architectures[i]!;
        expect(
          textsOf(translated).map(([at]) => at),
          `${locale} ${english.id}`,
        ).toEqual(textsOf(english).map(([at]) => at));
        for (const field of LIST_FIELDS) expect(translated[field].length, `${locale} ${english.id}.${field}`).toBe(english[field].length);
      });
      expect(new Set(catalog.architectures.map((a) => a.name)).size, `${locale}: names are distinct`).toBe(ARCHITECTURE_IDS.length);
    }
  });

  it("leaves no English behind: no text equal to English's, no four English words in a row, and the language's own script", () => {
    const englishRuns = new Set(
      [...ARCHITECTURES.flatMap((a) => textsOf(a).map(([, text]) => text)), RTT_NOTE].flatMap((t) => [...wordRuns(t)]),
    );
    const problems: string[] = [];
    for (const locale of TRANSLATED) {
      const catalog = localizedCatalog(locale);
      const texts: [string, string, string][] = [
        ["rttNote", catalog.rttNote, RTT_NOTE],
        ...ARCHITECTURES.flatMap((english, i) => {
          const own = textsOf(catalog.architectures[i]!);
          return textsOf(english).map(([at, text], j): [string, string, string] => [`${english.id}.${at}`, own[j]![1], text]);
        }),
      ];
      for (const [at, text, english] of texts) {
        if (text === english) problems.push(`${locale} ${at}: the English text`);
        const leftOver = [...wordRuns(text)].filter((run) => englishRuns.has(run));
        if (leftOver.length) problems.push(`${locale} ${at}: English words "${leftOver.join('", "')}"`);
        const script = OWN_SCRIPT[locale];
        if (script) {
          const own = text.match(script)?.length ?? 0;
          const latin = withoutProperNouns(text).match(LATIN)?.length ?? 0;
          // Product names and acronyms stay Latin (and are not counted); the prose is the language's own.
          if (own <= latin) problems.push(`${locale} ${at}: more Latin letters (${latin}) than ${locale} (${own})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("is English itself for English, and looks architectures up by id in any language", () => {
    expect(localizedCatalog("en")).toMatchObject({ locale: "en", rttNote: RTT_NOTE, architectures: ARCHITECTURES });
    expect(localizedArchitecture("hybrid_split", "en")).toBe(ARCHITECTURES[3]);
    expect(localizedArchitecture("on_device", "ja")?.name).toBe("デバイス上での推論");
    expect(localizedArchitecture("mainframe", "es")).toBeUndefined();
    expect(architectureName("regional_cloud", "es")).toBe("Inferencia regional en la nube");
    expect(architectureName("sovereign_onprem", "ar")).toBe("استدلال محلي / سيادي");
    expect(architectureName("mainframe", "de")).toBe("mainframe");
  });

  it("counts sentences in Japanese, Chinese and Arabic too", () => {
    expect(sentenceCount("第一文です。第二文です。")).toBe(2);
    expect(sentenceCount("第一句。第二句！第三句？")).toBe(3);
    expect(sentenceCount("جملة أولى. هل هذه جملة ثانية؟")).toBe(2);
    expect(sentenceCount("One. Two! Three? 3.5 ms")).toBe(3);
  });

  it("stays on the server: the module that loads the translations is server-only", () => {
    const source = readFileSync(path.resolve(__dirname, "../../lib/architecture/localized.ts"), "utf8");
    expect(source).toMatch(/^import "server-only";$/m);
  });
});

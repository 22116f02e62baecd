import Link from "next/link";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ClientIntlProvider } from "@/components/i18n/client";
import { LanguageSwitcher } from "@/components/i18n/LanguageSwitcher";
import { appUrl } from "@/lib/env";
import { clientMessages, type Messages } from "@/lib/i18n/messages";
import { headers } from "next/headers";
import { dirOf, isLocale, DEFAULT_LOCALE, LANG_PARAM, localeFromParam, PAGE_URL_HEADER, withLang } from "@/lib/i18n/locales";
import "./globals.css";

const DESCRIPTION = "How ready are technologists to run AI inference in production? Take the survey and see where you stand.";

// Icons and the Open Graph card are static files in public/ (rendered from public/icon.svg by
// scripts/icons.ts). metadataBase makes the card's URL absolute, as link previews need.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(appUrl()),
    title: { default: "Readiness Radar", template: "%s · Readiness Radar" },
    description: DESCRIPTION,
    applicationName: "Readiness Radar",
    icons: {
      icon: [
        { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
        { url: "/icon.svg", type: "image/svg+xml" },
      ],
      apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
    },
    manifest: "/manifest.webmanifest",
    openGraph: {
      type: "website",
      siteName: "Readiness Radar",
      title: "Readiness Radar: how ready are you to run AI inference in production?",
      description: DESCRIPTION,
      images: [{ url: "/og.png", width: 1200, height: 630, alt: "Readiness Radar: how ready are you to run AI inference in production?" }],
    },
    twitter: { card: "summary_large_image", images: ["/og.png"] },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#172554" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so each response's scripts carry that response's CSP nonce
  // (proxy.ts); a page prerendered at build time would have nonce-less scripts the CSP blocks.
  await connection();
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const t = await getTranslations("layout");
  // A language the respondent chose (?lang=) stays in the header's survey link.
  const query = ((await headers()).get(PAGE_URL_HEADER) ?? "").split("?", 2)[1] ?? "";
  const lang = localeFromParam(new URLSearchParams(query).get(LANG_PARAM));
  // Client components get only the namespaces they use, of this one locale.
  const messages = clientMessages((await getMessages()) as unknown as Messages);
  return (
    <html lang={locale} dir={dirOf(locale)}>
      <body className="flex min-h-screen flex-col">
        <ClientIntlProvider locale={locale} messages={messages}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            {t("skip")}
          </a>
          <header className="border-b border-slate-200 bg-white print:hidden">
            <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
              <Link href="/" className="flex items-center gap-2 font-semibold text-brand-900">
                <RadarMark />
                Readiness Radar
              </Link>
              <nav aria-label={t("mainNav")} className="flex gap-1 text-sm text-slate-600">
                <Link href={withLang("/survey/ai-readiness", lang)} className="rounded px-2 py-1 hover:text-brand-700">
                  {t("takeSurvey")}
                </Link>
                <Link href="/dashboard" className="rounded px-2 py-1 hover:text-brand-700">
                  {t("dashboards")}
                </Link>
              </nav>
            </div>
          </header>
          <LanguageSwitcher />
          <main id="main" className="flex-1">
            {children}
          </main>
          <footer className="border-t border-slate-200 bg-white print:hidden">
            <div className="mx-auto max-w-5xl px-4 py-4 text-xs text-slate-500">{t("footer")}</div>
          </footer>
        </ClientIntlProvider>
      </body>
    </html>
  );
}

function RadarMark() {
  return (
    <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="12" cy="12" r="10" opacity="0.35" />
      <circle cx="12" cy="12" r="6" opacity="0.6" />
      <path d="M12 12 L20 6" />
      <circle cx="12" cy="12" r="1.6" fill="currentColor" />
    </svg>
  );
}

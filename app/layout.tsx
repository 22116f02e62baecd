import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { appUrl } from "@/lib/env";
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
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white print:hidden">
          <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
            <Link href="/" className="flex items-center gap-2 font-semibold text-brand-900">
              <RadarMark />
              Readiness Radar
            </Link>
            <nav aria-label="Main" className="flex gap-1 text-sm text-slate-600">
              <Link href="/survey/ai-readiness" className="rounded px-2 py-1 hover:text-brand-700">
                Take the survey
              </Link>
              <Link href="/dashboard" className="rounded px-2 py-1 hover:text-brand-700">
                Dashboards
              </Link>
            </nav>
          </div>
        </header>
        <main id="main" className="flex-1">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white print:hidden">
          <div className="mx-auto max-w-5xl px-4 py-4 text-xs text-slate-500">
            Readiness Radar is open source. Responses are anonymous; we never store names, emails or IP addresses.
          </div>
        </footer>
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

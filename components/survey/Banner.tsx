export type BannerMessage = { tone: "info" | "error"; text: string };

/** A message above the step: errors are announced at once (alert), information politely (status). */
export function Banner({ banner }: { banner: BannerMessage | null }) {
  if (!banner) return null;
  return (
    <div
      role={banner.tone === "error" ? "alert" : "status"}
      className={
        `mt-4 rounded-lg border px-4 py-3 text-sm ` +
        `${banner.tone === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-brand-100 bg-brand-50 text-brand-900"}`
      }
    >
      {banner.text}
    </div>
  );
}

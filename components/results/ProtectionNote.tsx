// What protects the figures, said once near the top of every public view (and of analysts' views,
// as the badge of what a viewer or the public would see).
const BADGE =
  "rounded-full border border-brand-100 bg-brand-50 px-2.5 py-0.5 text-xs font-semibold text-brand-900 " +
  "print:border-slate-400 print:bg-white";

export function ProtectionNote({ k, audience = "public" }: { k: number; audience?: "public" | "analyst" }) {
  return (
    <p className="protection-note flex flex-wrap items-center gap-2 text-sm text-slate-700" data-testid="protection-note">
      <span className={BADGE}>{audience === "analyst" ? "Exact figures" : "Protected figures"}</span>
      {audience === "analyst"
        ? `Viewers and the public see these perturbed by up to ±3 per count, with groups under ${k} withheld.`
        : `Counts are perturbed by up to ±3 and groups under ${k} are withheld, so no one's answers can be worked out.`}
    </p>
  );
}

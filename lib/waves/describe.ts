// The diff as plain text lines, for the command line.
import type { WaveDiff } from "./diff";

export function describeDiff(diff: WaveDiff): string {
  if (diff.identical) return "  No changes to questions or options.";
  const lines: string[] = [];
  const list = (title: string, items: string[]) => {
    if (items.length) lines.push(`  ${title}:`, ...items.map((item) => `    ${item}`));
  };
  list("Sections added", diff.sectionsAdded);
  list("Sections removed", diff.sectionsRemoved);
  list(
    "Questions added",
    diff.questionsAdded.map((q) => `${q.id} (${q.type}${q.role ? `, role ${q.role}` : ""}): ${q.label}`),
  );
  list(
    "Questions removed",
    diff.questionsRemoved.map((q) => `${q.id} (${q.type}${q.role ? `, role ${q.role}` : ""}): ${q.label}`),
  );
  list(
    "Questions changed",
    diff.questionsChanged.map((q) => `${q.id}: ${q.changes.join(", ")}`),
  );
  list(
    "Options added",
    diff.optionsAdded.map((o) => `${o.questionId}.${o.optionId}: ${o.label}`),
  );
  list(
    "Options removed",
    diff.optionsRemoved.map((o) => `${o.questionId}.${o.optionId}: ${o.label}`),
  );
  list(
    "Options changed",
    diff.optionsChanged.map((o) => `${o.questionId}.${o.optionId}: ${o.changes.join(", ")}`),
  );
  const broken = diff.comparisons.filter((c) => !c.valid);
  const caveats = diff.comparisons.filter((c) => c.valid && c.sharedOptions.length > 0 && c.note !== "same options");
  lines.push(
    `  Cross-wave comparisons: ${diff.comparisons.length - broken.length} of ${diff.comparisons.length} questions stay comparable.`,
  );
  list(
    "No longer comparable",
    broken.map((c) => `${c.questionId}: ${c.note}`),
  );
  list(
    "Comparable with caveats",
    caveats.map((c) => `${c.questionId}: ${c.note}`),
  );
  return lines.join("\n");
}

// The changes from the previous wave to a new definition, and which cross-wave comparisons stay valid.
import type { WaveDiff } from "@/lib/waves/diff";

function List({ title, items, testId }: { title: string; items: React.ReactNode[]; testId: string }) {
  if (!items.length) return null;
  return (
    <div data-testid={testId}>
      <h3 className="mt-3 text-sm font-semibold text-slate-800">
        {title} ({items.length})
      </h3>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-700">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

const Id = ({ children }: { children: React.ReactNode }) => <code className="rounded bg-slate-100 px-1 text-xs break-all">{children}</code>;

export function DiffView({ diff, previous }: { diff: WaveDiff | null; previous: { code: string } | null }) {
  if (!diff || !previous) return <p className="text-sm text-slate-600">This is the survey&apos;s first wave: nothing to compare with.</p>;
  const broken = diff.comparisons.filter((c) => !c.valid);
  const caveats = diff.comparisons.filter(
    (c) => c.valid && c.note !== "same options" && c.note !== "same 1-5 scale" && c.note !== "free text",
  );
  return (
    <div data-testid="wave-diff">
      <p className="text-sm text-slate-700">
        Compared with wave <strong>{previous.code}</strong>
        {diff.identical ? ": no changes to questions or options." : "."}
      </p>
      <List
        title="Sections added"
        testId="diff-sections-added"
        items={diff.sectionsAdded.map((id) => (
          <Id key={id}>{id}</Id>
        ))}
      />
      <List
        title="Sections removed"
        testId="diff-sections-removed"
        items={diff.sectionsRemoved.map((id) => (
          <Id key={id}>{id}</Id>
        ))}
      />
      <List
        title="Questions added"
        testId="diff-questions-added"
        items={diff.questionsAdded.map((q) => (
          <>
            <Id>{q.id}</Id> {q.label}{" "}
            <span className="text-slate-500">
              ({q.role ? `role ${q.role}, ` : ""}
              {q.type})
            </span>
          </>
        ))}
      />
      <List
        title="Questions removed"
        testId="diff-questions-removed"
        items={diff.questionsRemoved.map((q) => (
          <>
            <Id>{q.id}</Id> {q.label}
          </>
        ))}
      />
      <List
        title="Questions changed"
        testId="diff-questions-changed"
        items={diff.questionsChanged.map((q) => (
          <>
            <Id>{q.id}</Id> {q.changes.join(", ")}
          </>
        ))}
      />
      <List
        title="Options added"
        testId="diff-options-added"
        items={diff.optionsAdded.map((o) => (
          <>
            <Id>{`${o.questionId}.${o.optionId}`}</Id> {o.label}
          </>
        ))}
      />
      <List
        title="Options removed"
        testId="diff-options-removed"
        items={diff.optionsRemoved.map((o) => (
          <>
            <Id>{`${o.questionId}.${o.optionId}`}</Id> {o.label}
          </>
        ))}
      />
      <List
        title="Options changed"
        testId="diff-options-changed"
        items={diff.optionsChanged.map((o) => (
          <>
            <Id>{`${o.questionId}.${o.optionId}`}</Id> {o.changes.join(", ")}
          </>
        ))}
      />
      <h3 className="mt-4 text-sm font-semibold text-slate-800">Comparisons across waves</h3>
      <p className="text-sm text-slate-700" data-testid="diff-comparable">
        {diff.comparisons.length - broken.length} of {diff.comparisons.length} questions asked in both waves stay comparable.
      </p>
      <List
        title="No longer comparable"
        testId="diff-not-comparable"
        items={broken.map((c) => (
          <>
            <Id>{c.questionId}</Id> {c.note}
          </>
        ))}
      />
      <List
        title="Comparable with caveats"
        testId="diff-caveats"
        items={caveats.map((c) => (
          <>
            <Id>{c.questionId}</Id> {c.note}
          </>
        ))}
      />
    </div>
  );
}

// The list of problems named by their path (margins[3].share, sections[0].questions[2].id, line 4:
// share), as the API reports them: one shape for every form that shows a 400's field issues.
import type { FieldIssue } from "@/lib/errors";

export function PathIssues({ issues, testId }: { issues: readonly FieldIssue[]; testId?: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid={testId}>
      {issues.map((issue, i) => (
        <li key={i}>
          <code className="font-mono text-xs break-all" data-testid="error-path">
            {issue.path}
          </code>
          : {issue.message}
        </li>
      ))}
    </ul>
  );
}

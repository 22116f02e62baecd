export function Notices({ problems }: { problems: { path: string; message: string }[] }) {
  if (!problems.length) return null;
  return (
    <div
      role="status"
      className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
      data-testid="filter-notice"
    >
      Some filters in the address were not understood and are ignored:
      <ul className="mt-1 list-disc pl-5">
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

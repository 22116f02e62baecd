import type { ReactNode, Ref } from "react";

/**
 * A region that may scroll sideways (a wide table on a phone). It can take keyboard focus, so
 * keyboard users can scroll it with the arrow keys (axe: scrollable-region-focusable), and it is
 * named, so a screen reader says what the focused region holds.
 */
export function ScrollRegion({
  label,
  children,
  className = "",
  ref,
}: {
  label: string;
  children: ReactNode;
  className?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative min-w-0 max-w-full overflow-x-auto ${className}`}
      data-scroll-region
    >
      {children}
    </div>
  );
}

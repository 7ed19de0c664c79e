import type { ReactNode } from 'react';

/**
 * A view's one h1. The shell moves focus to `#view-title` after each navigation, so it is
 * focusable by script (tabIndex -1) but not a tab stop. Titles often carry user text (a plan's
 * or an action's), so the heading takes its own direction, isolated from what follows.
 */
export function ViewTitle({ children }: { children: ReactNode }) {
  return (
    <h1 id="view-title" tabIndex={-1} dir="auto">
      {children}
    </h1>
  );
}

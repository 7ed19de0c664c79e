import type { ReactNode } from 'react';

/**
 * A view's one h1. The shell moves focus to `#view-title` after each navigation, so it is
 * focusable by script (tabIndex -1) but not a tab stop.
 */
export function ViewTitle({ children }: { children: ReactNode }) {
  return (
    <h1 id="view-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

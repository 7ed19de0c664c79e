import type { ReactNode } from 'react';

// A view's row (or column) of links between its pages or sections, the current one marked with
// aria-current="page". These are links, not an ARIA tablist: each one is an address (a reload or
// the back button comes back to it) and Tab moves through them as through any links.

/** One link of the tabs; `key` must be unique within the tabs. */
export type PageTab = {
  key: string;
  href: string;
  label: ReactNode;
  isCurrent?: boolean;
};

type PageTabsProps = {
  /** The landmark's name, read out by screen readers ("This plan", "Sections of the meeting"). */
  label: string;
  tabs: readonly PageTab[];
  className?: string;
  /** An ordered list where the order means something (an agenda), else an unordered one. */
  isOrdered?: boolean;
  /** Links before the tabs that are never current (e.g. "All plans"). */
  before?: readonly Omit<PageTab, 'isCurrent'>[];
  /** Anything said under the links, inside the landmark. */
  children?: ReactNode;
};

/** A navigation landmark of links to a view's pages, with the current one marked. */
export function PageTabs({ label, tabs, className, isOrdered = false, before = [], children }: PageTabsProps) {
  const items = (
    <>
      {before.map((tab) => (
        <li key={tab.key}>
          <a href={tab.href}>{tab.label}</a>
        </li>
      ))}
      {tabs.map((tab) => (
        <li key={tab.key}>
          <a href={tab.href} aria-current={tab.isCurrent === true ? 'page' : undefined}>
            {tab.label}
          </a>
        </li>
      ))}
    </>
  );
  return (
    <nav className={className} aria-label={label}>
      {isOrdered ? <ol>{items}</ol> : <ul>{items}</ul>}
      {children}
    </nav>
  );
}

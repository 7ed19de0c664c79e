import { useSyncExternalStore } from 'react';

// The actions list's filters fold away: open, they took half a 1280×860 screen and left five
// rows of the list in view. Closed, one button says how many are on. Whether the member left
// them open is kept for the session, so they stay as left between the list and an action.

let isOpenInSession = false;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows or hides the filters (for the rest of the session). */
export function setFiltersOpen(isOpen: boolean): void {
  isOpenInSession = isOpen;
  for (const listener of listeners) listener();
}

/** Whether the filters are shown, and a way to show or hide them. */
export function useFiltersOpen(): [boolean, (isOpen: boolean) => void] {
  return [useSyncExternalStore(subscribe, () => isOpenInSession), setFiltersOpen];
}

/** The disclosure button above the filters form: "Show filters (2 on)". */
export function FiltersToggle({ count, formId }: { count: number; formId: string }) {
  const [isOpen, setOpen] = useFiltersOpen();
  return (
    <button
      type="button"
      className="secondary filters-toggle"
      aria-expanded={isOpen}
      aria-controls={formId}
      onClick={() => setOpen(!isOpen)}
    >
      {isOpen ? 'Hide filters' : 'Show filters'}
      {count > 0 ? ` (${count} on)` : ''}
    </button>
  );
}
